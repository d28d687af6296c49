/**
 * The generated parts of a document: each between the lines `<!-- generated:NAME:begin -->` and
 * `<!-- generated:NAME:end -->`, as the README's statechart diagrams are between their markers.
 * A marker is a line of its own (so prose may quote one); the prose around the markers places the
 * parts, and the generator only replaces what lies between them.
 */

/** The markers of block `name`. */
export function markers(name: string): { readonly begin: string; readonly end: string } {
  return { begin: `<!-- generated:${name}:begin -->`, end: `<!-- generated:${name}:end -->` };
}

/** The names of the blocks `text` marks, in order (a begin marker without its end is still named). */
export function blockNames(text: string): string[] {
  return [...text.matchAll(/^<!-- generated:([\w-]+):begin -->$/gm)].map((m) => m[1]!);
}

/** Where `marker` stands as a whole line in `text`, at or after `from`; -1 when it does not. */
function markerAt(text: string, marker: string, from: number): number {
  for (let i = text.indexOf(marker, from); i >= 0; i = text.indexOf(marker, i + 1)) {
    const after = i + marker.length;
    if ((i === 0 || text[i - 1] === '\n') && (after === text.length || text[after] === '\n' || text[after] === '\r')) return i;
  }
  return -1;
}

/** Where the content of block `name` starts and ends (markers excluded), or undefined when absent. */
function span(text: string, name: string): { readonly start: number; readonly end: number } | undefined {
  const { begin, end } = markers(name);
  const b = markerAt(text, begin, 0);
  const e = b < 0 ? -1 : markerAt(text, end, b + begin.length);
  return b < 0 || e < 0 ? undefined : { start: b + begin.length, end: e };
}

/** What lies between the markers of `name` in `text` (markers excluded), or undefined when absent. */
export function blockContent(text: string, name: string): string | undefined {
  const s = span(text, name);
  return s === undefined ? undefined : text.slice(s.start, s.end);
}

/** `text` with the content of block `name` replaced; the block must be there. */
export function replaceBlock(text: string, name: string, content: string): string {
  const s = span(text, name);
  if (s === undefined) throw new Error(`no block '${name}'`);
  return text.slice(0, s.start) + content + text.slice(s.end);
}
