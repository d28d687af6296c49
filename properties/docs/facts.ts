/**
 * Everything docs/semantics.md's generated parts are made of, gathered from the code: the
 * command vocabulary and order of checks (spec/), the rules (`RULES`, `RULES_APART`), the mutant
 * catalogue (impl/mutants), the kill matrix's last result (bench/kill-matrix.json), and where
 * each is defined or tested, found in the sources so links follow the code.
 */
import { COMMAND_NAMES, type CommandName } from '../../spec/index.js';
import { MUTANTS, type Mutant } from '../../impl/mutants/index.js';
import { RULE_IDS, type KillMatrixFile } from '../mutants/index.js';
import { RULES } from '../rules/index.js';
import { RULES_APART } from './rulesApart.js';
import { DocsError, definitions, lineOf, readSource, type SourcePlace } from './sourceIndex.js';

/** The test file that reaches every error code of every command (`reach('cmd', 'CODE', …)`). */
export const REACH_TESTS = 'test/spec/orderOfChecks.test.ts';
const REACH = /^\s*reach\('(\w+)', '(E[A-Z0-9]+)'/;

/** A rule as the document lists it. */
export interface RuleDoc {
  readonly id: string;
  readonly rule: string;
  readonly source: string;
  readonly reads: readonly string[];
  readonly place: SourcePlace;
}

/** What the generated parts are made of. */
export interface DocFacts {
  /** The document's path from the package root: links are relative to its folder. */
  readonly doc: string;
  readonly commands: ReadonlyMap<CommandName, SourcePlace>;
  /** `cmd:CODE` → the test that reaches it. */
  readonly reachTests: ReadonlyMap<string, SourcePlace>;
  readonly rules: readonly RuleDoc[];
  readonly mutants: readonly Mutant[];
  readonly mutantPlaces: ReadonlyMap<string, SourcePlace>;
  /** The kill matrix's last result, or undefined when there is none yet. */
  readonly matrix: KillMatrixFile | undefined;
  /** Its path from the package root, as the document names it. */
  readonly matrixFile: string;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new DocsError(what);
  return value;
}

function reachTests(root: string): Map<string, SourcePlace> {
  const found = new Map<string, SourcePlace>();
  readSource(root, REACH_TESTS).split('\n').forEach((l, i) => {
    const m = REACH.exec(l);
    if (m !== null) found.set(`${m[1]}:${m[2]}`, { file: REACH_TESTS, line: i + 1 });
  });
  return found;
}

function ruleDocs(root: string): RuleDoc[] {
  const places = definitions(root, 'properties/rules', /\bid: '(\w+)'/, /^export const /);
  const fromRules = RULES.map((r): RuleDoc => ({ id: r.id, rule: r.rule, source: r.source, reads: r.reads, place: need(places.get(r.id), `no definition of rule '${r.id}' in properties/rules`) }));
  const apart = RULE_IDS.filter((id) => !RULES.some((r) => r.id === id)).map((id): RuleDoc => {
    const a = need(RULES_APART.find((x) => x.id === id), `rule '${id}' has no description: add it to properties/docs/rulesApart.ts`);
    const line = need(lineOf(readSource(root, a.file), a.anchor), `no definition of rule '${id}' in ${a.file}`);
    return { id, rule: a.rule, source: a.source, reads: a.reads, place: { file: a.file, line } };
  });
  return [...fromRules, ...apart];
}

/** Gathers the facts for document `doc` from the sources under `root` and the kill matrix read from `matrixFile`. */
export function gatherFacts(root: string, doc: string, matrix: KillMatrixFile | undefined, matrixFile: string): DocFacts {
  const fns = definitions(root, 'model/world/commands', /^export function (\w+)\(/, /^export function /);
  const commands = new Map(COMMAND_NAMES.map((c) => [c, need(fns.get(c), `no function ${c}() in model/world/commands`)] as const));
  const mutantPlaces = definitions(root, 'impl/mutants', /^\s*name: '(\w+)'/, /^export const /);
  for (const m of MUTANTS) need(mutantPlaces.get(m.name), `no definition of mutant '${m.name}' in impl/mutants`);
  return { doc, commands, reachTests: reachTests(root), rules: ruleDocs(root), mutants: MUTANTS, mutantPlaces, matrix, matrixFile };
}
