/** A tiny fake World for replay tests: it gives scripted results and observations, in order. */
import { initialObservation, type Command, type Observation, type Result, type World } from '../../../spec/index.js';

/** One scripted step: the result to give, and the observation after it (default: unchanged). */
export interface Scripted {
  readonly result: Result | Error;
  readonly observation?: Observation;
  readonly structure?: readonly string[];
}

/** Gives `script[i]` for the i-th apply; records the commands it was given. */
export class ScriptedWorld implements World {
  readonly seen: Command[] = [];
  private current: Observation = initialObservation(2);
  private structure: readonly string[] = [];
  constructor(private readonly script: readonly Scripted[]) {}
  apply(command: Command): Result {
    const step = this.script[this.seen.length];
    this.seen.push(command);
    if (step === undefined) throw new Error(`script has no step ${this.seen.length}`);
    if (step.result instanceof Error) throw step.result;
    if (step.observation) this.current = step.observation;
    this.structure = step.structure ?? [];
    return step.result;
  }
  observe(): Observation {
    return this.current;
  }
  checkStructure(): readonly string[] {
    return this.structure;
  }
}
