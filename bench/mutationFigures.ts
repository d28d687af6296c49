/**
 * The figures of `npm run mutation` (issue 13): StrykerJS's JSON report (mutation-testing-report
 * schema, reports/mutation/mutation.json) and the survivors' ledger (bench/mutation-survivors.md)
 * give the mutation score killed / (all − equivalent), where "killed" counts what Stryker calls
 * detected (killed by the conformance check, or timed out: an endless loop the check never
 * finishes), and "all" leaves out mutants that do not compile or cannot run (not mutants of the
 * program's behaviour). A survivor is equivalent when the ledger has a row for it whose verdict is
 * `equivalent`.
 */

/** The part of a Stryker JSON report the figures read. */
export interface MutationReport {
  readonly files: Readonly<Record<string, { readonly mutants: readonly ReportedMutant[] }>>;
}

/** One mutant of the report. */
export interface ReportedMutant {
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly status: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

/** A survivor as the ledger names it: `file:line:column` and the mutator. */
export interface SurvivorKey {
  readonly where: string;
  readonly mutator: string;
}

/** The figures merged into bench/results.json (prefixed: `mutantsKilled` there is the hand-written catalogue's). */
export interface MutationFigures {
  readonly mutationScore: number;
  readonly mutationMutants: number;
  readonly mutationKilled: number;
  readonly mutationTimedOut: number;
  readonly mutationSurvived: number;
  readonly mutationNoCoverage: number;
  readonly mutationEquivalent: number;
  /** Survivors (and uncovered mutants) with no row in the ledger: they still need a look. */
  readonly mutationUnaccounted: number;
}

const INVALID = new Set(['CompileError', 'RuntimeError', 'Ignored', 'Pending']);
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** `file:line:column` of a mutant (columns as Stryker reports them, 1-based). */
export const whereOf = (file: string, m: ReportedMutant): string => `${file}:${m.location.start.line}:${m.location.start.column}`;

/** Every survivor (or uncovered mutant) of the report. */
export function survivors(report: MutationReport): (SurvivorKey & { readonly replacement: string; readonly status: string })[] {
  return Object.entries(report.files).flatMap(([file, { mutants }]) =>
    mutants.filter((m) => UNDETECTED.has(m.status)).map((m) => ({ where: whereOf(file, m), mutator: m.mutatorName, replacement: m.replacement ?? '', status: m.status })));
}

/**
 * The ledger's rows: `| file:line:column | Mutator | replacement | verdict | reason |` (a pipe inside
 * a cell written `\|`, as GitHub's tables want; the replacement in a code span, doubled backticks
 * when it holds one); the verdict is `equivalent`, `fixed` (a gap of the checker, since killed) or
 * `left` (a gap, with a reason).
 */
export function ledgerRows(markdown: string): (SurvivorKey & { readonly replacement: string; readonly verdict: string })[] {
  const rows: (SurvivorKey & { replacement: string; verdict: string })[] = [];
  for (const line of markdown.split('\n')) {
    const cells = line.split(/(?<!\\)\|/).map((c) => c.trim()); // `\|` inside a cell is a pipe of the cell
    if (cells.length < 6 || !/^[\w/.-]+\.ts:\d+:\d+$/.test(cells[1]!.replace(/`/g, ''))) continue;
    rows.push({
      where: cells[1]!.replace(/`/g, ''), mutator: cells[2]!.replace(/`/g, ''), replacement: codeSpan(cells[3]!),
      verdict: cells[4]!.replace(/[`*]/g, '').toLowerCase(),
    });
  }
  return rows;
}

/** The text of a table cell holding one code span (`x` or `` x ``), pipes unescaped. */
function codeSpan(cell: string): string {
  const m = /^(`+) ?(.*?) ?\1$/.exec(cell);
  return (m === null ? cell : m[2]!).replace(/\\\|/g, '|');
}

/**
 * The verdict of a survivor: the row with its place, mutator and replacement; a survivor the
 * report gives no replacement takes the first row of its place and mutator.
 */
function verdictOf(rows: ReturnType<typeof ledgerRows>, s: SurvivorKey & { readonly replacement: string }): string | undefined {
  const here = rows.filter((r) => r.where === s.where && r.mutator === s.mutator);
  return (here.find((r) => r.replacement === s.replacement) ?? (s.replacement === '' ? here[0] : undefined))?.verdict;
}

/** The figures of a report and a ledger. */
export function mutationFigures(report: MutationReport, ledger: string): MutationFigures {
  const all = Object.values(report.files).flatMap((f) => f.mutants).filter((m) => !INVALID.has(m.status));
  const count = (status: string): number => all.filter((m) => m.status === status).length;
  const rows = ledgerRows(ledger);
  const undetected = survivors(report).map((s) => ({ ...s, verdict: verdictOf(rows, s) }));
  const equivalent = undetected.filter((s) => s.verdict === 'equivalent').length;
  const detected = all.filter((m) => DETECTED.has(m.status)).length;
  const valid = all.length - equivalent;
  return {
    mutationScore: valid === 0 ? 1 : detected / valid,
    mutationMutants: all.length,
    mutationKilled: count('Killed'),
    mutationTimedOut: count('Timeout'),
    mutationSurvived: count('Survived'),
    mutationNoCoverage: count('NoCoverage'),
    mutationEquivalent: equivalent,
    mutationUnaccounted: undetected.filter((s) => s.verdict === undefined).length,
  };
}
