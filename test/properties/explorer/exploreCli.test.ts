/** `hmm-check explore` (properties/cli/explore.ts): flags, verdicts and exit codes. */
import { describe, expect, it } from 'vitest';
import { createModelWorld } from '../../../model/index.js';
import { UsageError } from '../../../properties/cli/args.js';
import { runExplore, type ExploreDeps } from '../../../properties/cli/explore.js';
import { loadWorldSource } from '../../../properties/explorer/worldSource.js';

function deps(): ExploreDeps & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    loadWorld: async (opts) => (opts.mutant === undefined ? { name: 'model', factory: (c) => createModelWorld(c) } : loadWorldSource(opts)),
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
  };
}

describe('hmm-check explore', () => {
  it('passes at depth 2 and prints the figures, with progress on stderr', async () => {
    const d = deps();
    expect(await runExplore(['--depth', '2', '--model'], d)).toBe(0);
    const text = d.out.join('');
    expect(text).toContain('verdict: pass');
    expect(text).toContain('states found: 48');
    expect(text).toContain('depth completed: 2');
    expect(text).toMatch(/states per second: \d+/);
    expect(d.err.join('')).toContain('depth 2 complete');
  });

  it('prints one JSON line with --json', async () => {
    const d = deps();
    expect(await runExplore(['--depth=1', '--json'], d)).toBe(0);
    expect(JSON.parse(d.out.join(''))).toMatchObject({ verdict: 'pass', statesFound: 8, depthCompleted: 1 });
  });

  it('exits 3 when the state cap stops it', async () => {
    const d = deps();
    expect(await runExplore(['--depth', '6', '--max-states', '20'], d)).toBe(3);
    expect(d.out.join('')).toContain('incomplete (state cap reached)');
  });

  it('rejects bad usage with a UsageError (exit 2 in main)', async () => {
    await expect(runExplore(['--depth', '-1'], deps())).rejects.toThrow(UsageError);
    await expect(runExplore(['--frobnicate'], deps())).rejects.toThrow(UsageError);
    await expect(runExplore(['--mutant', 'noSuchMutant'], deps())).rejects.toThrow(/unknown mutant 'noSuchMutant'/);
  });
});
