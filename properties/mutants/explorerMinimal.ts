/**
 * The explorer's word on a mutant: the length of its shortest counterexample in the default
 * scope (properties/explorer/scopes/default.json), the model and the mutant in lockstep with
 * every check, within the exploration's default budget (the depth `hmm-check check` explores,
 * and a time cap), or null where exploration does not reach it (no breach within the depth,
 * or the cap hit first). One thread, so the matrix can call it as it builds each row.
 */
import { createImplWorld } from '../../impl/index.js';
import type { MutantApply } from '../../impl/mutants/index.js';
import { createModelWorld } from '../../model/index.js';
import type { ExploreLimits, Verdict } from '../explorer/outcome.js';
import { parseScope, type Scope } from '../explorer/scope.js';
import { DEFAULT_SCOPE_FILE, readScopeFile } from '../explorer/scopeFile.js';
import { searchSync } from '../explorer/search.js';
import type { SystemParts } from '../explorer/system.js';
import { MemoryIsMemory, RULES } from '../rules/index.js';

/** The default depth bound of exploration, and a cap per mutant. */
export const EXPLORER_LIMITS: ExploreLimits = { maxDepth: 8, timeLimitMs: 60_000 };

/** What the explorer found. */
export interface ExplorerMinimal {
  /** Commands in the shortest counterexample; null when not reached. */
  readonly minimalLength: number | null;
  /** What it breaks (a rule, `results`, `observation`, …), when reached. */
  readonly rule: string | null;
  readonly verdict: Verdict;
  readonly elapsedMs: number;
}

/** The default scope. */
export function defaultScope(): Scope {
  return parseScope(readScopeFile(DEFAULT_SCOPE_FILE), DEFAULT_SCOPE_FILE);
}

/** The model and the implementation built with `apply`, every rule, the memory tracker. */
export function mutantParts(apply: MutantApply, name = 'mutant'): SystemParts {
  return {
    parts: [{ name: 'model', factory: (c) => createModelWorld(c) }, { name: `impl (${name})`, factory: (c) => createImplWorld(c, apply) }],
    rules: RULES,
    memory: () => new MemoryIsMemory(),
  };
}

/** Explores the mutant's world in `scope` under `limits`. */
export function explorerMinimal(apply: MutantApply, scope: Scope = defaultScope(), limits: ExploreLimits = EXPLORER_LIMITS): ExplorerMinimal {
  const r = searchSync({ scope, parts: mutantParts(apply), limits, reduction: true });
  const cx = r.verdict === 'counterexample' ? r.counterexample : undefined;
  return { minimalLength: cx?.steps.length ?? null, rule: cx?.rule ?? null, verdict: r.verdict, elapsedMs: r.stats.elapsedMs };
}
