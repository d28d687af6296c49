/**
 * A crash of the implementation (docs/protocol.md, Crashes are counterexamples): the process
 * exited or closed its standard output while an answer was due, no answer came within the
 * per-request timeout, an answer was not a valid message for its request, or it was an
 * `{"error":...}` answer. Thrown by `ProcessWorld` like any world's own failure, so the lockstep
 * runner and replay turn it into a counterexample of kind `crash` at the command it concerns.
 * The message is one bounded line quoting the bad answer and the key lines of standard error;
 * `stderr` holds the tail for reports.
 */
import { escapeText, quoteText } from './quote.js';

/** How the implementation failed. */
export type CrashKind = 'exit' | 'eof' | 'timeout' | 'invalid' | 'error' | 'spawn';

/** What the checker saw when the implementation failed. */
export interface CrashFacts {
  readonly kind: CrashKind;
  /** The request whose answer was due (its text as sent). */
  readonly request: string;
  /** Exit status or signal (`exit`, and `eof` when the process ended too). */
  readonly exit?: { readonly code: number | null; readonly signal: string | null };
  /** The answer received (`invalid`), or the error's TEXT (`error`). */
  readonly answer?: string;
  /** Why the answer is invalid, or why the process could not start (`spawn`). */
  readonly why?: string;
  readonly timeoutSeconds?: number;
  /** `StderrTail.shown()` and `StderrTail.brief()` at the time. */
  readonly stderr: readonly string[];
  readonly stderrBrief: string;
}

/** A command request is answered by a result; others are named by their text. */
function awaited(request: string): string {
  return request.startsWith('{"cmd"') ? 'its result' : `the answer to ${escapeText(request.trimEnd(), 80)}`;
}

function exitText(exit: CrashFacts['exit']): string {
  if (exit === undefined) return '';
  return exit.signal !== null ? ` (signal ${exit.signal})` : ` (exit status ${exit.code ?? '?'})`;
}

/** The one-line description of a crash, without standard error. */
export function crashText(f: CrashFacts): string {
  switch (f.kind) {
    case 'exit':
      return `the implementation exited${exitText(f.exit)} before giving ${awaited(f.request)}`;
    case 'eof':
      return `the implementation closed its standard output${exitText(f.exit)} before giving ${awaited(f.request)}`;
    case 'timeout':
      return `no answer within ${f.timeoutSeconds ?? '?'} s (--impl-timeout) while waiting for ${awaited(f.request)}; the implementation was killed`;
    case 'invalid':
      return `invalid answer ${quoteText(f.answer ?? '')} instead of ${awaited(f.request)}: ${f.why ?? 'not a valid message'}`;
    case 'error':
      return `the implementation answered {"error":...} instead of ${awaited(f.request)}: ${quoteText(f.answer ?? '')}`;
    case 'spawn':
      return `the implementation could not be started: ${f.why ?? '?'}`;
  }
}

/** Thrown by the process world when the implementation crashed. */
export class ImplementationCrash extends Error {
  override readonly name = 'ImplementationCrash';
  /** Standard error's last lines (key lines first), for reports. */
  readonly stderr: readonly string[];

  constructor(readonly facts: CrashFacts) {
    super(`${crashText(facts)}${facts.stderrBrief === '' ? '' : `; stderr: ${facts.stderrBrief}`}`);
    this.stderr = facts.stderr;
  }
}
