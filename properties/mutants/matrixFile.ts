/**
 * The kill matrix's last result as a checked-in file (`hmm-check mutants --write
 * bench/kill-matrix.json`): the JSON of `hmm-check mutants --json` with the seed, budget and
 * explorer setting it ran with, one mutant per line so a change reads as a diff. docs/semantics.md
 * takes what kills each mutant, and what each rule kills alone, from this file (`hmm-check docs`).
 */
import { DEFAULT_BUDGET } from '../runner/config.js';
import { matrixJson } from './formatMatrix.js';
import type { KillMatrix, MutantRow } from './matrix.js';

/** The checked-in file's default place, from the package root. */
export const KILL_MATRIX_FILE = 'bench/kill-matrix.json';

/** One mutant's row as recorded (the `--json` row): a matrix row without its program. */
export type MatrixFileRow = Omit<MutantRow, 'program'>;

/** The whole file. */
export interface KillMatrixFile {
  readonly hmmKillMatrix: 1;
  readonly seed: number;
  /** The default budget it ran with: random runs, steps, and the guided share after them. */
  readonly budget: { readonly runs: number; readonly steps: number; readonly guidedRuns?: number };
  readonly explorer: boolean;
  readonly mutants: readonly MatrixFileRow[];
  readonly rules: readonly { readonly rule: string; readonly mutants: readonly string[] }[];
  readonly idleRules: readonly string[];
  readonly pass: boolean;
}

/** The file's value for a matrix built with `seed` and the explorer on or off. */
export function killMatrixFile(matrix: KillMatrix, run: { readonly seed: number; readonly explorer: boolean }): KillMatrixFile {
  const json = matrixJson(matrix) as Pick<KillMatrixFile, 'mutants' | 'rules' | 'idleRules' | 'pass'>;
  const budget = { runs: DEFAULT_BUDGET.runs, steps: DEFAULT_BUDGET.steps, guidedRuns: DEFAULT_BUDGET.guidedRuns ?? 0 };
  return { hmmKillMatrix: 1, seed: run.seed, budget, explorer: run.explorer, ...json };
}

/** The file's text: JSON, one mutant or rule per line, newline-terminated. */
export function formatKillMatrixFile(f: KillMatrixFile): string {
  const list = (items: readonly unknown[]): string => (items.length === 0 ? '[]' : `[\n    ${items.map((x) => JSON.stringify(x)).join(',\n    ')}\n  ]`);
  const lines = Object.entries(f).map(([key, value]) => `  ${JSON.stringify(key)}: ${key === 'mutants' || key === 'rules' ? list(value as unknown[]) : JSON.stringify(value)}`);
  return `{\n${lines.join(',\n')}\n}\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isCount = (v: unknown): boolean => v === null || typeof v === 'number';

function rowError(row: unknown, i: number): string | undefined {
  if (!isObject(row) || typeof row['name'] !== 'string') return `mutants[${i}] has no name`;
  const bad = [
    typeof row['family'] !== 'string' && 'family', typeof row['killed'] !== 'boolean' && 'killed',
    row['killedBy'] !== null && typeof row['killedBy'] !== 'string' && 'killedBy', !isStrings(row['rulesAlone']) && 'rulesAlone',
    row['conformanceOnly'] !== null && typeof row['conformanceOnly'] !== 'string' && 'conformanceOnly',
    ...(['msToKill', 'shrunkLength', 'minimalLength', 'rulesMsToKill', 'rulesShrunkLength'] as const).map((k) => !isCount(row[k]) && k),
  ].filter((x) => x !== false);
  return bad.length > 0 ? `mutant ${row['name']}: bad field ${bad[0]}` : undefined;
}

/** Reads the file's text; a string says what is wrong with it. */
export function parseKillMatrixFile(text: string): KillMatrixFile | string {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  if (!isObject(v) || v['hmmKillMatrix'] !== 1) return 'not a kill matrix: "hmmKillMatrix" must be 1';
  if (typeof v['seed'] !== 'number' || typeof v['explorer'] !== 'boolean' || typeof v['pass'] !== 'boolean') return 'bad "seed", "explorer" or "pass"';
  const budget = v['budget'];
  if (!isObject(budget) || typeof budget['runs'] !== 'number' || typeof budget['steps'] !== 'number') return 'bad "budget"';
  if (!Array.isArray(v['mutants'])) return '"mutants" must be a list';
  const bad = v['mutants'].map(rowError).find((e) => e !== undefined);
  if (bad !== undefined) return bad;
  const rules = v['rules'];
  if (!Array.isArray(rules) || !rules.every((r) => isObject(r) && typeof r['rule'] === 'string' && isStrings(r['mutants']))) return 'bad "rules"';
  if (!isStrings(v['idleRules'])) return 'bad "idleRules"';
  return v as unknown as KillMatrixFile;
}
