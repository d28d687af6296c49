/**
 * The source text of one function of the repository, for the check that a mutant is read again
 * when the production function it copies changes (copies.test.ts): `export function fn(`,
 * `function fn(`, `export const fn = ...;`, or a class's method `Class.method`. A function's or
 * method's body is the first `{` that ends a line after the declaration (the project's style), up
 * to its matching `}`; a `const` runs to the first `;` outside brackets.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The function's source, or undefined when it is not found. */
export function sourceOf(root: string, file: string, fn: string): string | undefined {
  const text = readFileSync(join(root, file), 'utf8');
  const [owner, name] = fn.includes('.') ? fn.split('.', 2) as [string, string] : [undefined, fn];
  let from = 0;
  if (owner !== undefined) {
    const cls = new RegExp(`^(export )?class ${owner}\\b`, 'm').exec(text);
    if (cls === null) return undefined;
    from = cls.index;
  }
  const decl = owner === undefined
    ? new RegExp(`^(export )?(async )?(function ${name}\\b|const ${name}\\b)`, 'm')
    : new RegExp(`^  (static )?(async )?${name}\\(`, 'm');
  const m = decl.exec(text.slice(from));
  if (m === null) return undefined;
  const start = from + m.index;
  if (m[0].includes('const ')) return constSource(text, start);
  const open = text.slice(start).search(/\{[ \t]*\n/);
  if (open < 0) return undefined;
  let depth = 0;
  for (let i = start + open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

/** The first 12 hex digits of the SHA-256 of a source, trailing spaces of lines ignored. */
export function sourceHash(source: string): string {
  return createHash('sha256').update(source.replace(/[ \t]+$/gm, '')).digest('hex').slice(0, 12);
}

/** A `const` declaration up to its `;` outside brackets. */
function constSource(text: string, start: number): string | undefined {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    else if (c === ';' && depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}
