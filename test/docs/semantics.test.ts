/**
 * docs/semantics.md follows the code: its generated parts are what `hmm-check docs` renders now
 * from spec/, the rules, the mutant catalogue and bench/kill-matrix.json; that file is the
 * matrix of the catalogue and rules there are now; and every link the generator writes lands on
 * the line it names. Change a command, a rule, a mutant or the matrix without
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

  test('each command links to its function and each code to the test that reaches it', () => {
    const block = blockContent(text(), 'commands')!;
    const links = lineLinks(block);
    for (const cmd of COMMAND_NAMES) {
      const [file, line] = links.find(([f, l]) => f.startsWith('model/world/commands/') && lineAt(f, l).startsWith(`export function ${cmd}(`))!;
      expect(file, cmd).toMatch(/^model\/world\/commands\/\w+\.ts$/);
      for (const { code } of [...ORDER_OF_CHECKS[cmd].refusals, ...ORDER_OF_CHECKS[cmd].stepErrors]) {
        expect(links.some(([f, l]) => f === 'test/spec/orderOfChecks.test.ts' && lineAt(f, l).includes(`reach('${cmd}', '${code}',`)), `${cmd} ${code}`).toBe(true);
      }
      expect(line).toBeGreaterThan(0);
    }
    expect(links).toHaveLength(COMMAND_NAMES.length + COMMAND_NAMES.reduce((n, c) => n + ORDER_OF_CHECKS[c].refusals.length + ORDER_OF_CHECKS[c].stepErrors.length, 0));
  });

  test('each rule and each mutant links to its definition', () => {
    const rules = lineLinks(blockContent(text(), 'rules')!);
    expect(rules).toHaveLength(RULE_IDS.length);
    for (const [file, line] of rules) expect(lineAt(file, line), `${file}:${line}`).toMatch(/^export (const|class|function) \w+/);
    const mutants = lineLinks(blockContent(text(), 'mutants')!);
    expect(mutants).toHaveLength(MUTANTS.length);
    mutants.forEach(([file, line], i) => {
      expect(lineAt(file, line), `${file}:${line}`).toMatch(/^export const \w+ = mutant\(/);
      const after = readFileSync(join(ROOT, file), 'utf8').split('\n').slice(line - 1, line + 3).join('\n');
      expect(after).toContain(`name: '${MUTANTS[i]!.name}'`);
    });
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
