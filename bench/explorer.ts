/** Bench of the explorer (placeholder while the explorer is rebuilt). */
import { explore } from '../properties/explorer/explore.js';
import { parseScope } from '../properties/explorer/scope.js';
import { DEFAULT_SCOPE_FILE, readScopeFile } from '../properties/explorer/scopeFile.js';

export async function benchExplorer(): Promise<{ explorerStatesPerSecond: number; explorerDepth: number }> {
  const scope = parseScope(readScopeFile(DEFAULT_SCOPE_FILE), DEFAULT_SCOPE_FILE);
  const o = await explore({ scope, spec: { mode: 'lockstep' }, limits: { maxDepth: 6 }, workers: 2, reduction: true });
  return { explorerStatesPerSecond: Math.round(o.stats.statesPerSecond), explorerDepth: o.stats.depthCompleted };
}
