/**
 * Text from an implementation's process, made safe to print in a one-line message
 * (docs/protocol.md, Crashes are counterexamples): bounded in length, control characters escaped
 * as JSON.stringify escapes them (C1 controls and DEL too, which some terminals obey), so an
 * answer full of escape sequences or megabytes of garbage prints as one short, inert line.
 */

/** Characters kept of one quoted answer or stderr line. */
export const QUOTE_LIMIT = 200;

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const escapeOne = (c: string): string => {
  const json = JSON.stringify(c);
  return json.length > 3 ? json.slice(1, -1) : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
};

/** `text` with control characters escaped, cut at `limit` characters with `… (N chars)`. */
export function escapeText(text: string, limit = QUOTE_LIMIT): string {
  const cut = text.length > limit ? `${text.slice(0, limit)}… (${text.length} chars)` : text;
  return cut.replace(UNSAFE, escapeOne);
}

/** `text` as a JSON string literal, cut at `limit` characters: `"garbage\u001b[2J"`. */
export function quoteText(text: string, limit = QUOTE_LIMIT): string {
  const cut = text.length > limit ? text.slice(0, limit) : text;
  const more = text.length > limit ? `… (${text.length} chars)` : '';
  return `${JSON.stringify(cut).replace(UNSAFE, escapeOne)}${more}`;
}
