/**
 * Text from a trace or the command line, made safe to print on a terminal (SPEC §8: a trace
 * error is reported with its line, and a message is one line). Control characters are written
 * as JSON.stringify writes them (`\n`, `\t`, `\u001b`), and so are the other characters that
 * move or hide text on a terminal: DEL and the C1 controls (0x9b starts an escape sequence on
 * some terminals), the line and paragraph separators, the bidirectional overrides, a
 * byte-order mark and unpaired surrogates. Quoted input is cut to a bounded length, with an
 * ellipsis and its total size, so a 10 MB line never becomes a 10 MB message.
 */

/** Longest quoted input kept in a message, in UTF-16 code units. */
export const MAX_QUOTED = 80;

/** Longest free text (a note) kept when printed. */
export const MAX_TEXT = 200;

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Readonly<Record<string, string>> = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };

/** `text` with every unsafe character escaped (`\n`, `\u001b`); the rest unchanged. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The first `max` code units of `text`, not splitting a surrogate pair. */
function head(text: string, max: number): string {
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** How long a cut text was: `10485760 characters`. */
function size(text: string): string {
  return `${text.length} characters`;
}

/** `text` escaped and, past `max` code units, cut: `abc… (10485760 characters)`. */
export function printable(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return escapeControl(text);
  return `${escapeControl(head(text, max))}… (${size(text)})`;
}

/**
 * `text` quoted for a message, escaped and bounded: `'abc'`, or `'abc…' (10485760 characters)`.
 * `mark` is the quote character: `'` for command-line input, `"` for JSON text from a trace.
 */
export function quote(text: string, mark: "'" | '"' = "'", max = MAX_QUOTED): string {
  if (text.length <= max) return `${mark}${escapeControl(text)}${mark}`;
  return `${mark}${escapeControl(head(text, max))}…${mark} (${size(text)})`;
}

/** A one-line message, whatever it holds: escaped, and cut at `max` (a last defence; quote input first). */
export function oneLine(message: string, max = 1000): string {
  return printable(message, max);
}
