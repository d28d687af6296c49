/**
 * A conformance property that can be stopped from outside (Ctrl-C) while fast-check runs it.
 *
 * `fc.check` of a synchronous property runs every run in one synchronous loop, so a SIGINT
 * handler never gets to run before the whole check is over: the default action kills the
 * process and the summary is lost. Wrapped here as an asynchronous property, fast-check awaits
 * each run; every YIELD_MS the wrapper yields to the event loop (one `setImmediate`), where a
 * pending signal is delivered, and it answers the next run, or shrink attempt, with fast-check's
 * "interrupt" precondition failure once the abort signal is set: fast-check stops and reports
 * what ran, as it does for `interruptAfterTimeLimit`. The time limit is kept here the same way
 * (start no run after it), since fast-check's own one races every asynchronous run against a timer.
 * A run itself is never cut: runs are short (a few ms) and a cut one would leave no verdict.
 */
import fc from 'fast-check';

/** How often a running check lets the event loop deliver signals, in ms. */
export const YIELD_MS = 50;

/** When to stop starting runs. */
export interface StopWhen {
  /** Aborted from outside, e.g. by the SIGINT handler of `hmm-check run`. */
  readonly signal: AbortSignal;
  /** `--time-limit`: no run starts after this many seconds. */
  readonly timeLimitSeconds?: number;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `property`, run asynchronously and stoppable by `stop`. */
export class InterruptibleProperty<Ts> implements fc.IRawProperty<Ts, true> {
  private readonly deadline: number;
  private lastYield = performance.now();

  constructor(private readonly property: fc.IRawProperty<Ts, false>, private readonly stop: StopWhen) {
    this.deadline = stop.timeLimitSeconds === undefined ? Infinity : this.lastYield + stop.timeLimitSeconds * 1000;
  }

  isAsync(): true {
    return true;
  }

  generate(mrng: fc.Random, runId?: number): fc.Value<Ts> {
    return this.property.generate(mrng, runId);
  }

  shrink(value: fc.Value<Ts>): fc.Stream<fc.Value<Ts>> {
    return this.property.shrink(value);
  }

  async run(v: Ts): Promise<fc.PreconditionFailure | fc.PropertyFailure | null> {
    if (performance.now() - this.lastYield >= YIELD_MS) {
      await nextTurn();
      this.lastYield = performance.now();
    }
    if (this.stop.signal.aborted || performance.now() >= this.deadline) return new fc.PreconditionFailure(true);
    this.property.runBeforeEach();
    try {
      return this.property.run(v);
    } finally {
      this.property.runAfterEach();
    }
  }

  runBeforeEach = async (): Promise<void> => {};
  runAfterEach = async (): Promise<void> => {};
}
