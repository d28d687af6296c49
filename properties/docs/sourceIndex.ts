/**
 * Where things are defined, read from the sources themselves, so the document's links follow the
 * code: a command's function in model/world/commands, a rule's `id:` in properties/rules, a
 * mutant's `name:` in impl/mutants, a test's line. Paths are relative to the package root, with
 * `/` separators; lines are 1-based.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A place in the sources. */
export interface SourcePlace {
  readonly file: string;
  readonly line: number;
}

/** The generator cannot find what the document must link to: the code changed under it. */
export class DocsError extends Error {
  override readonly name = 'DocsError';
}

/** The text of `file` (relative to `root`); a DocsError when it is missing. */
export function readSource(root: string, file: string): string {
  const path = join(root, file);
  if (!existsSync(path)) throw new DocsError(`no file ${file} (hmm-check docs needs the repository's sources)`);
  return readFileSync(path, 'utf8');
}

/** The `.ts` files of folder `dir` (relative to `root`), sorted. */
export function sourceFiles(root: string, dir: string): string[] {
  const path = join(root, dir);
  if (!existsSync(path)) throw new DocsError(`no folder ${dir} (hmm-check docs needs the repository's sources)`);
  return readdirSync(path).filter((f) => f.endsWith('.ts')).sort().map((f) => `${dir}/${f}`);
}

/** The first line of `text` matching `pattern`, or undefined. */
export function lineOf(text: string, pattern: RegExp): number | undefined {
  const i = text.split('\n').findIndex((l) => pattern.test(l));
  return i < 0 ? undefined : i + 1;
}

/**
 * Every key that `pattern` captures (group 1) in the files of `dir`, each placed at the nearest
 * line at or above it that matches `anchor` (its definition: `export const …`, `export function …`).
 */
export function definitions(root: string, dir: string, pattern: RegExp, anchor: RegExp): Map<string, SourcePlace> {
  const found = new Map<string, SourcePlace>();
  for (const file of sourceFiles(root, dir)) {
    const lines = readSource(root, file).split('\n');
    lines.forEach((l, i) => {
      const key = pattern.exec(l)?.[1];
      if (key === undefined || found.has(key)) return;
      let at = i;
      while (at > 0 && !anchor.test(lines[at]!)) at--;
      found.set(key, { file, line: at + 1 });
    });
  }
  return found;
}
