/**
 * The memoryIsMemory tracker across one transition of the explorer, with its steps
 * remembered: the same tracker state fed the same command, result and op ends gives the same
 * next state and breaches, so each is computed once.
 *
 * What the tracker reads (its header, properties/rules/memoryIsMemory.ts): the command, its
 * result, and of the observation only which ops are in flight (an op that ends applies its
 * write or munmap) and `next.mm` (a fork child appears); its state is all in `snapshot()`. So
 * (snapshot, command, result, op ids in flight after, next.mm after) determines its step, and
 * it is given exactly those (`Outcome`). Commands after which it may change state or report
 * are `MEMORY_COMMANDS`; after any other it changes nothing unless an op ended or an mm
 * appeared.
 */
import type { Command, Observation, Result } from '../../spec/index.js';

/** What the explorer needs of the memoryIsMemory tracker. */
export interface MemoryOracle {
  /** Feeds a command, its result and the observation after it; the breaches it shows. */
  after(command: Command, result: Result, observation: Observation): readonly string[];
  /** Canonical text of everything tracked. */
  snapshot(): string;
  /** An independent copy. */
  clone(): MemoryOracle;
}

/** What the tracker reads of the state after a command. */
export interface Outcome {
  /** Op ids in flight, ascending. */
  readonly ops: readonly number[];
  readonly nextMm: number;
}

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
   * The step of tracker `memory` (whose snapshot is `text`), from a state whose ops in flight
   * were `before` and next.mm `nextMmBefore`, when `command` gave `result` and left `after`.
   * The tracker given is not changed. Commands are told apart by identity (`ScopeCommands`
   * makes one object per command).
   */
  advance(memory: MemoryOracle, text: string, before: Outcome, command: Command, result: Result, after: Outcome): MemoryStep {
    if (!MEMORY_COMMANDS.has(command.cmd) && after.nextMm === before.nextMm && sameIds(before.ops, after.ops)) return QUIET;
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
    const key = outcomeKey(result, after);
    let step = byOutcome.get(key);
    if (step === undefined) {
      const next = memory.clone();
      const breaches = next.after(command, result, asObservation(after));
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

/** The parts of an observation the tracker reads (its header says so), and nothing else. */
function asObservation(o: Outcome): Observation {
  return { ops: o.ops.map((id) => [id]), next: { mm: o.nextMm } } as unknown as Observation;
}

function outcomeKey(r: Result, o: Outcome): string {
  let s = 'ok' in r ? `ok ${r.ok}` : 'op' in r ? `op ${r.op}` : `err ${r.err}`;
  s += ` ${o.nextMm}`;
  for (const op of o.ops) s += `,${op}`;
  return s;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
