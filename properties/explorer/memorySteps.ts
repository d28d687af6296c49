/**
 * The memoryIsMemory tracker (`memoryOracle.ts`) across one transition of the explorer, with
 * the tracker's own steps remembered: the same tracker state fed the same command, result and
 * op ends gives the same next state and breaches, so each is computed once.
 *
 * What the tracker reads (its header, properties/rules/memoryIsMemory.ts): the command, its
 * result, and of the observation only which ops are in flight (an op that ends applies its
 * write or munmap) and `next.mm` (a fork child appears); its state is all in `snapshot()`
 * ("equal snapshots mean equal futures"). So (snapshot, command, result, op ids in flight,
 * next.mm) determines its step. Commands after which it may change state or report are
 * `MEMORY_COMMANDS`: writes, munmap, fork and exit record; reads are checked; steps end ops.
 * After any other command it changes nothing unless an op ended or an mm appeared.
 */
import type { Command, Observation, Result } from '../../spec/index.js';
import type { MemoryOracle } from './memoryOracle.js';

/** The tracker's step over a transition: its state after, and what it said. */
export interface MemoryStep {
  /** The tracker after the step, never changed later (it may be shared); null when its state did not change. */
  readonly next: MemoryOracle | null;
  /** `next.snapshot()` (meaningless when `next` is null). */
  readonly text: string;
  readonly breaches: readonly string[];
}

/** The step of a command after which the tracker changes nothing and says nothing. */
const QUIET: MemoryStep = Object.freeze({ next: null, text: '', breaches: Object.freeze([]) });

const MEMORY_COMMANDS: ReadonlySet<string> = new Set(['read', 'devRead', 'write', 'devWrite', 'munmap', 'fork', 'exit', 'step', 'finish']);

/** Steps of the tracker kept at most; then forgotten all at once. */
const MEMO_LIMIT = 200_000;

/** The tracker's steps of one exploration. */
export class MemorySteps {
  /** Steps by the tracker's snapshot, then command, then `outcomeKey`. */
  private readonly memo = new Map<string, Map<Command, Map<string, MemoryStep>>>();
  private remembered = 0;

  /**
   * The step of tracker `memory` (whose snapshot is `text`), in a state where `ops` were in
   * flight and `nextMm` was next.mm, when `command` gave `result` and left observation `o`.
   * The tracker given is not changed. Commands are told apart by identity, as `ScopeCommands`
   * gives them (one object per command).
   */
  advance(memory: MemoryOracle, text: string, ops: readonly number[], nextMm: number, command: Command, result: Result, o: Observation): MemoryStep {
    if (!MEMORY_COMMANDS.has(command.cmd) && o.next.mm === nextMm && sameIds(ops, o)) return QUIET;
    let byCommand = this.memo.get(text);
    if (byCommand === undefined) {
      if (this.remembered >= MEMO_LIMIT) this.forget();
      byCommand = new Map();
      this.memo.set(text, byCommand);
    }
    let byOutcome = byCommand.get(command);
    if (byOutcome === undefined) {
      byOutcome = new Map();
      byCommand.set(command, byOutcome);
    }
    const key = outcomeKey(result, o);
    let step = byOutcome.get(key);
    if (step === undefined) {
      const next = memory.clone();
      const breaches = next.after(command, result, o);
      const nextText = next.snapshot();
      step = nextText === text ? { next: null, text, breaches } : { next, text: nextText, breaches };
      byOutcome.set(key, step);
      this.remembered++;
    }
    return step;
  }

  private forget(): void {
    this.memo.clear();
    this.remembered = 0;
  }
}

/** What the tracker reads besides its state and the command: the result, next.mm and the ops in flight. */
function outcomeKey(r: Result, o: Observation): string {
  let s = 'ok' in r ? `ok ${r.ok}` : 'op' in r ? `op ${r.op}` : `err ${r.err}`;
  s += ` ${o.next.mm}`;
  for (const op of o.ops) s += `,${op[0]}`;
  return s;
}

function sameIds(ops: readonly number[], o: Observation): boolean {
  if (ops.length !== o.ops.length) return false;
  for (let i = 0; i < ops.length; i++) if (ops[i] !== o.ops[i]![0]) return false;
  return true;
}
