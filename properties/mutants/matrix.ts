/**
 * The kill matrix of `hmm-check mutants`: every mutant hunted twice with the default budget of
 * `npm start`, random runs then the guided share (with the model, and with the rules alone), and explored for its minimal
 * counterexample; then, per rule, the mutants it kills alone. The verdict: every mutant killed
 * with conformance, and every one not listed as conformance-only killed by a rule alone.
 */
import type { Mutant } from '../../impl/mutants/index.js';
import { RULES } from '../rules/index.js';
import { DEFAULT_BUDGET, DEFAULT_GENERATION, DEFAULT_WORLD, PT_STRUCTURE, type RunBudget } from '../runner/index.js';
import { explorerMinimal } from './explorerMinimal.js';
import { hunt, type HuntOutcome, type HuntSettings } from './killMutant.js';

/** One row of the matrix (the documented JSON shape, plus detail). */
export interface MutantRow {
  readonly name: string;
  readonly family: string;
  /** Killed with conformance (model comparison and every rule). */
  readonly killed: boolean;
  /** What killed it with conformance: `observation`, `result`, `crash` or a rule id. */
  readonly killedBy: string | null;
  /** The rules that killed it alone (no model): every rule broken by the minimized counterexample's failing command. */
  readonly rulesAlone: readonly string[];
  readonly msToKill: number | null;
  /** Commands of the counterexample found with the model, shrunk and minimized by ddmin (1-minimal). */
  readonly shrunkLength: number | null;
  /** The explorer's shortest counterexample; null where it does not reach the mutant. */
  readonly minimalLength: number | null;
  readonly conformanceOnly: string | null;
  readonly rulesMsToKill: number | null;
  readonly rulesShrunkLength: number | null;
  readonly program: readonly string[];
}

/** The whole matrix. */
export interface KillMatrix {
  readonly mutants: readonly MutantRow[];
  /** Each rule (SPEC §6 and ptStructure) with the mutants it kills alone. */
  readonly rules: readonly { readonly rule: string; readonly mutants: readonly string[] }[];
  /** Rules that kill no mutant. */
  readonly idleRules: readonly string[];
  readonly pass: boolean;
}

/** How to build it. */
export interface MatrixOptions {
  readonly seed?: number;
  readonly explorer?: boolean;
  readonly onMutant?: (row: MutantRow, index: number, total: number) => void;
}

/** Every rule the rules-alone hunt can credit, in SPEC §6 order. */
export const RULE_IDS: readonly string[] = [...RULES.map((r) => r.id), 'memoryIsMemory', 'drainable', PT_STRUCTURE];

/** The default budget of `npm start`, with the seed replaced. */
export function huntSettings(seed = DEFAULT_BUDGET.seed): HuntSettings {
  const budget: RunBudget = { ...DEFAULT_BUDGET, seed };
  return { budget, config: DEFAULT_WORLD, scope: DEFAULT_GENERATION, leftOut: [] };
}

/** One mutant's row. */
export function mutantRow(m: Mutant, settings: HuntSettings, explore: boolean): MutantRow {
  const c: HuntOutcome = hunt(m.apply, 'conformance', settings);
  const r: HuntOutcome = hunt(m.apply, 'rules', settings);
  return {
    name: m.name,
    family: m.family,
    killed: c.killed,
    killedBy: c.killedBy,
    rulesAlone: r.rules.filter((x) => x !== 'crash'),
    msToKill: c.msToKill === null ? null : Math.round(c.msToKill),
    shrunkLength: c.shrunkLength,
    minimalLength: explore ? explorerMinimal(m.apply).minimalLength : null,
    conformanceOnly: m.conformanceOnly ?? null,
    rulesMsToKill: r.msToKill === null ? null : Math.round(r.msToKill),
    rulesShrunkLength: r.shrunkLength,
    program: c.program,
  };
}

/** Builds the matrix over `mutants`. */
export function killMatrix(mutants: readonly Mutant[], o: MatrixOptions = {}): KillMatrix {
  const settings = huntSettings(o.seed);
  const rows = mutants.map((m, i) => {
    const row = mutantRow(m, settings, o.explorer ?? true);
    o.onMutant?.(row, i, mutants.length);
    return row;
  });
  const rules = RULE_IDS.map((rule) => ({ rule, mutants: rows.filter((row) => row.rulesAlone.includes(rule)).map((row) => row.name) }));
  const pass = rows.every((row) => row.killed && (row.conformanceOnly !== null || row.rulesAlone.length > 0));
  return { mutants: rows, rules, idleRules: rules.filter((r) => r.mutants.length === 0).map((r) => r.rule), pass };
}
