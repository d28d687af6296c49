/**
 * The links of a Markdown document, as GitHub renders them: inline `[text](target)` and
 * `![alt](target)`, reference definitions `[id]: target`, autolinks `<scheme:…>`, HTML
 * `href`/`src` attributes and bare `http(s)://` URLs, outside fenced code blocks and inline code.
 * And GitHub's heading anchors (`## Ops (SPEC §4)` → `#ops-spec-4`).
 */

/** One link: where it is and where it points. */
export interface MarkdownLink {
  readonly line: number;
  readonly target: string;
}

/** The lines of `text` with fenced code blocks blanked (line numbers kept) and, unless `keepCode`, inline code removed. */
function prose(text: string, keepCode = false): string[] {
  let fence: string | null = null;
  return text.split('\n').map((l) => {
    const m = /^\s{0,3}(`{3,}|~{3,})/.exec(l);
    if (fence !== null) {
      if (m !== null && m[1]!.startsWith(fence)) fence = null;
      return '';
    }
    if (m !== null) {
      fence = m[1]!;
      return '';
    }
    return keepCode ? l : l.replace(/(`+)[^`]*?\1/g, '');
  });
}

const PATTERNS: readonly RegExp[] = [
  /!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g, // inline
  /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/g, // reference definition
  /<([a-z][a-z0-9+.-]*:[^\s>]+)>/gi, // autolink
  /\b(?:href|src)\s*=\s*"([^"]*)"/gi, // HTML
];
const BARE_URL = /(?<![(<"\w])(https?:\/\/[^\s)<>\]]+)/g;

/** Every link of `text`. */
export function markdownLinks(text: string): MarkdownLink[] {
  const out: MarkdownLink[] = [];
  prose(text).forEach((l, i) => {
    const found = new Set<string>();
    for (const re of PATTERNS) for (const m of l.matchAll(re)) found.add(m[1]!);
    for (const m of l.matchAll(BARE_URL)) if (![...found].some((t) => t.includes(m[1]!))) found.add(m[1]!);
    for (const target of found) out.push({ line: i + 1, target });
  });
  return out;
}

/** GitHub's anchor for a heading text (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  const plain = heading.replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
  return plain.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
}

/** The anchors of a Markdown document's headings (`#`-style), duplicates numbered as GitHub does. */
export function headingAnchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const l of prose(text, true)) {
    const m = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
    if (m === null) continue;
    const slug = headingSlug(m[1]!);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return out;
}
