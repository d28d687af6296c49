/**
 * docs/semantics.md follows the code: its generated parts are what `hmm-check docs` renders now
 * from spec/, the rules, the mutant catalogue and bench/kill-matrix.json; that file is the
 * matrix of the catalogue and rules there are now; every definition link lands on the file that
 * defines the command, rule or mutant, and every test link on the line of the test it names. Change a command, a rule, a mutant or the matrix without
 * `hmm-check docs --write docs/semantics.md` (and `hmm-check mutants --write bench/kill-matrix.json`)
 * and this fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMMAND_NAMES, ORDER_OF_CHECKS } from '../../spec/index.js';
import { MUTANTS } from '../../impl/mutants/index.js';
import { SEMANTICS_DOC } from '../../properties/cli/docs.js';
import { packageRoot } from '../../properties/cli/scenarios.js';
import {
  BLOCKS, DocsError, blockContent, blockNames, gatherFacts, generateDocs, markers, staleBlocks, type DocFacts,
} from '../../properties/docs/index.js';
import { KILL_MATRIX_FILE, RULE_IDS, parseKillMatrixFile, type KillMatrixFile } from '../../properties/mutants/index.js';

const ROOT = packageRoot();
const text = (): string => readFileSync(join(ROOT, SEMANTICS_DOC), 'utf8');

function matrix(): KillMatrixFile {
  const parsed = parseKillMatrixFile(readFileSync(join(ROOT, KILL_MATRIX_FILE), 'utf8'));
  if (typeof parsed === 'string') throw new Error(`${KILL_MATRIX_FILE}: ${parsed}`);
  return parsed;
}

const facts = (): DocFacts => gatherFacts(ROOT, SEMANTICS_DOC, matrix(), KILL_MATRIX_FILE);

/** Every `[text](target#Ln)` link of a block, as [target file, line]. */
function lineLinks(block: string): [string, number][] {
  return [...block.matchAll(/\]\(\.\.\/([^)#]+)#L(\d+)\)/g)].map((m) => [m[1]!, Number(m[2])]);
}

/** Every `[text](target)` link without a line anchor of a block: the target files. */
function fileLinks(block: string): string[] {
  return [...block.matchAll(/\]\(\.\.\/([^)#]+)\)/g)].map((m) => m[1]!);
}

const fileText = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

const lineAt = (file: string, line: number): string => readFileSync(join(ROOT, file), 'utf8').split('\n')[line - 1] ?? '';

describe('docs/semantics.md', () => {
  test('its generated parts are what the code gives now', () => {
    expect(staleBlocks(text(), facts()), 'stale: run hmm-check docs --write docs/semantics.md').toEqual([]);
    expect(generateDocs(text(), facts())).toBe(text());
  });

  test('it holds every block once', () => {
    expect(blockNames(text()).sort()).toEqual(Object.keys(BLOCKS).sort());
  });

  test(`${KILL_MATRIX_FILE} is the matrix of the mutants and rules there are now`, () => {
    const m = matrix();
    const rerun = `rerun hmm-check mutants --write ${KILL_MATRIX_FILE}`;
    expect(m.mutants.map((r) => r.name), rerun).toEqual(MUTANTS.map((x) => x.name));
    expect(m.mutants.map((r) => [r.family, r.conformanceOnly]), rerun).toEqual(MUTANTS.map((x) => [x.family, x.conformanceOnly ?? null]));
    expect(m.rules.map((r) => r.rule), rerun).toEqual([...RULE_IDS]);
    expect(m.pass, 'the last kill matrix failed').toBe(true);
  });

  test('each command links to the file of its function and each code to the test that reaches it', () => {
    const block = blockContent(text(), 'commands')!;
    const links = lineLinks(block);
    const files = fileLinks(block);
    expect(files).toHaveLength(COMMAND_NAMES.length);
    COMMAND_NAMES.forEach((cmd, i) => {
      expect(files[i], cmd).toMatch(/^model\/world\/commands\/\w+\.ts$/);
      expect(fileText(files[i]!), cmd).toMatch(new RegExp(`^export function ${cmd}\\(`, 'm'));
      for (const { code } of [...ORDER_OF_CHECKS[cmd].refusals, ...ORDER_OF_CHECKS[cmd].stepErrors]) {
        expect(links.some(([f, l]) => f === 'test/spec/orderOfChecks.test.ts' && lineAt(f, l).includes(`reach('${cmd}', '${code}',`)), `${cmd} ${code}`).toBe(true);
      }
    });
    expect(links).toHaveLength(COMMAND_NAMES.reduce((n, c) => n + ORDER_OF_CHECKS[c].refusals.length + ORDER_OF_CHECKS[c].stepErrors.length, 0));
  });

  test('each rule and each mutant links to the file that defines it', () => {
    const rules = fileLinks(blockContent(text(), 'rules')!);
    expect(rules).toHaveLength(RULE_IDS.length);
    // each rule is defined in its own file named after it, but ptStructure (the implementation's self-check)
    rules.forEach((file, i) => expect(file).toBe(RULE_IDS[i] === 'ptStructure' ? 'impl/world/checkWorld.ts' : `properties/rules/${RULE_IDS[i]}.ts`));
    const mutants = fileLinks(blockContent(text(), 'mutants')!);
    expect(mutants).toHaveLength(MUTANTS.length);
    mutants.forEach((file, i) => expect(fileText(file), file).toContain(`name: '${MUTANTS[i]!.name}'`));
  });

  test('a change in the code or the matrix makes its part stale, and --write puts it right', () => {
    const f = facts();
    const changedRule = { ...f, rules: f.rules.map((r, i) => (i === 0 ? { ...r, rule: 'something else' } : r)) };
    expect(staleBlocks(text(), changedRule)).toEqual(['rules']);
    const m = f.matrix!;
    const changedMatrix = { ...f, matrix: { ...m, mutants: m.mutants.map((r, i) => (i === 0 ? { ...r, rulesAlone: ['dirtyTracked'] } : r)) } };
    expect(staleBlocks(text(), changedMatrix)).toEqual(['mutants']);
    const edited = text().replace('`EEXIST`: the range overlaps a vma', '`EEXIST`: edited by hand');
    expect(staleBlocks(edited, f)).toEqual(['checks']);
    expect(generateDocs(edited, f)).toBe(text());
    expect(staleBlocks(text(), { ...f, matrix: undefined })).toEqual(['rules', 'mutants']);
  });

  test('without a matrix, or with one that lacks a mutant, the document says how to get it', () => {
    const f = facts();
    expect(generateDocs(text(), { ...f, matrix: undefined })).toContain('not known: no bench/kill-matrix.json yet');
    const partial = { ...f, matrix: { ...f.matrix!, mutants: f.matrix!.mutants.slice(1) } };
    expect(blockContent(generateDocs(text(), partial), 'mutants')).toContain(`rerun \`hmm-check mutants --write ${KILL_MATRIX_FILE}\``);
  });

  test('bad markers are errors, not silently stale parts', () => {
    const f = facts();
    const { begin, end } = markers('nope');
    expect(() => generateDocs(`${begin}\n${end}\n`, f)).toThrow(DocsError);
    const { begin: b } = markers('rules');
    expect(() => generateDocs(`${b}\n`, f)).toThrow(/no end marker/);
    expect(() => generateDocs(`${b}\n${markers('rules').end}\n${b}\n${markers('rules').end}\n`, f)).toThrow(/twice/);
    expect(generateDocs(`quoted \`${b}\` stays\n`, f)).toBe(`quoted \`${b}\` stays\n`);
  });

  test('the generator needs the sources and says which is missing', () => {
    expect(() => gatherFacts(join(ROOT, 'docs'), SEMANTICS_DOC, undefined, KILL_MATRIX_FILE)).toThrow(DocsError);
    expect(existsSync(join(ROOT, KILL_MATRIX_FILE))).toBe(true);
  });
});
