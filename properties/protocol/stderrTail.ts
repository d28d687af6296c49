/**
 * The end of an implementation's standard error (docs/protocol.md: "the checker keeps its last
 * 20 lines"), plus the lines that name what went wrong, kept even when more lines follow them:
 * an AddressSanitizer report ends with its `SUMMARY:` line followed by some thirty lines of
 * shadow-byte legend, so the last 20 lines alone would lose the one line that says what broke.
 */
import { escapeText } from './quote.js';

/** Lines of standard error kept. */
export const STDERR_LINES = 20;

/** Headline lines of sanitizers and runtimes: ASan/UBSan/TSan/MSan, assertions, panics. */
const KEY_LINE = /SUMMARY: |==\d+==ERROR: |runtime error: |Assertion .* failed|panicked at|Segmentation fault/;
const KEY_LINES = 4;

/** The tail of one process's standard error. */
export class StderrTail {
  private readonly lines: string[] = [];
  private readonly keys: string[] = [];
  private seen = 0;

  /** Takes more lines (raw; each is escaped and bounded here). */
  push(lines: readonly string[]): void {
    for (const raw of lines) {
      const line = escapeText(raw.replace(/\r$/, ''), 300);
      this.seen++;
      this.lines.push(line);
      if (this.lines.length > STDERR_LINES) this.lines.shift();
      if (KEY_LINE.test(raw)) {
        this.keys.push(line);
        if (this.keys.length > KEY_LINES) this.keys.shift();
      }
    }
  }

  /** The key lines that scrolled out of the tail, then the last lines: what a report shows. */
  shown(): string[] {
    const dropped = this.keys.filter((k) => !this.lines.includes(k));
    const gap = this.seen > this.lines.length + dropped.length ? ['…'] : [];
    return dropped.length === 0 ? [...gap, ...this.lines] : [...dropped, ...gap, ...this.lines];
  }

  /** A few lines for a one-line message: the key lines (or the last 3 lines), joined by ` | `. */
  brief(): string {
    const chosen = this.keys.length > 0 ? this.keys.slice(-2) : this.lines.slice(-3);
    return chosen.join(' | ');
  }
}
