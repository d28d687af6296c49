/**
 * The mutant figures of the issue: every mutant killed within the default budget of `npm start`,
 * the median time to kill (goal ≤ 2 s), and how the shrunk counterexample compares with the
 * explorer's minimal one (goal: ≤ 1.5× for ≥ 80 % of the mutants the explorer reaches). For the
 * comparison the checker runs in the explorer's default scope (properties/explorer/scopes/
 * default.json: 2 devices, vpns 0–1, values 1–2, mm 0 and a fork's child, every command, nothing
 * out of domain) in lockstep with the model, the explorer's own oracle.
 */
import { MUTANTS, type Mutant } from '../impl/mutants/index.js';
import type { GenerationScope } from '../properties/commands/index.js';
import { hunt, huntSettings, killMatrix, type HuntSettings, type KillMatrix } from '../properties/mutants/index.js';

/** The explorer's default scope (properties/explorer/scopes/default.json) as a generation scope. */
export const EXPLORER_GENERATION: GenerationScope = {
  devices: 2, vpnWindow: 2, shortRange: 2, maxValue: 2, mmIndices: 2, opIndices: 2, outOfDomainPerCent: 0,
};

/** One mutant's comparison with the explorer. */
export interface ShrinkComparison {
  readonly name: string;
  readonly minimalLength: number;
  readonly shrunkLength: number | null;
  readonly within1_5x: boolean;
}

/** The figures. */
export interface MutantsFigures {
  readonly mutantsKilled: number;
  readonly mutantsTotal: number;
  readonly medianMsToKill: number;
  readonly shrunkWithin1_5xMinimalFraction: number;
  readonly comparisons: readonly ShrinkComparison[];
  readonly matrix: KillMatrix;
}

const median = (xs: number[]): number => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[xs.length >> 1]!);

/** Hunts, in the explorer's scope, each mutant the explorer reached. */
export function compareWithExplorer(matrix: KillMatrix, mutants: readonly Mutant[] = MUTANTS): ShrinkComparison[] {
  const base = huntSettings();
  const settings: HuntSettings = { ...base, scope: EXPLORER_GENERATION };
  return matrix.mutants.flatMap((row) => {
    const m = mutants.find((x) => x.name === row.name);
    if (row.minimalLength === null || m === undefined) return [];
    const o = hunt(m.apply, 'conformance', settings);
    const within1_5x = o.shrunkLength !== null && o.shrunkLength <= 1.5 * row.minimalLength;
    return [{ name: row.name, minimalLength: row.minimalLength, shrunkLength: o.shrunkLength, within1_5x }];
  });
}

/** The whole kill matrix with the explorer, then the comparison; prints each figure. */
export function benchMutants(mutants: readonly Mutant[] = MUTANTS, log: (line: string) => void = console.log): MutantsFigures {
  const matrix = killMatrix(mutants, { explorer: true, onMutant: (r, i, n) => log(`  [${i + 1}/${n}] ${r.name}: ${r.killed ? `${r.msToKill} ms, shrunk ${r.shrunkLength}, minimal ${r.minimalLength ?? '-'}` : 'SURVIVED'}`) });
  const killed = matrix.mutants.filter((r) => r.killed);
  const medianMsToKill = median(killed.map((r) => r.msToKill ?? 0));
  const comparisons = compareWithExplorer(matrix, mutants);
  for (const c of comparisons) log(`  ${c.name}: shrunk ${c.shrunkLength ?? '-'} (explorer scope, lockstep) vs minimal ${c.minimalLength}${c.within1_5x ? '' : '  > 1.5x'}`);
  const fraction = comparisons.length === 0 ? NaN : comparisons.filter((c) => c.within1_5x).length / comparisons.length;
  log(`mutants: ${killed.length}/${matrix.mutants.length} killed within the default budget (goal: all)`);
  log(`mutants: median time to kill ${medianMsToKill} ms (goal <= 2000 ms)`);
  log(`mutants: shrunk <= 1.5x minimal for ${(fraction * 100).toFixed(0)}% of the ${comparisons.length} the explorer reaches (goal >= 80%)`);
  return { mutantsKilled: killed.length, mutantsTotal: matrix.mutants.length, medianMsToKill, shrunkWithin1_5xMinimalFraction: fraction, comparisons, matrix };
}
