/**
 * A `World` (spec/world.ts) whose every call is a request to an implementation's process
 * (docs/protocol.md) and blocks until its answer: `apply` sends the command and returns the
 * SPEC §3 result, `observe` sends `observe` and returns the SPEC §7 observation (the declared
 * parts; the others hold initial values and `observes` says which are real), `checkStructure`
 * sends `check` when the implementation declared `selfCheck`. A world begins with `reset` at its
 * first call, on the session's process (restarted if it crashed). A crash throws
 * `ImplementationCrash`, which the lockstep runner and replay report as a `crash`.
 * Replay, shrinking and the HTML report drive it like any world, one request at a time.
 */
import type { Command, Observation, ObservationPart, Result, World, WorldConfig } from '../../spec/index.js';
import { readBreaches, readObservation, readResult, type Answer } from './answers.js';
import type { ProcessSession } from './processSession.js';
import { CHECK_REQUEST, OBSERVE_REQUEST, commandRequest } from './requests.js';

/** One run's world on the implementation's process. */
export class ProcessWorld implements World {
  readonly observes: readonly ObservationPart[];
  readonly checkStructure?: () => readonly string[];
  private begun = false;

  constructor(
    private readonly session: ProcessSession,
    private readonly config: WorldConfig,
  ) {
    this.observes = session.hello.observes;
    if (session.hello.selfCheck) this.checkStructure = () => this.call(CHECK_REQUEST, readBreaches);
  }

  apply(command: Command): Result {
    return this.call(commandRequest(command), readResult);
  }

  observe(): Observation {
    return this.call(OBSERVE_REQUEST, (text) => readObservation(text, this.observes, this.config.devices));
  }

  private call<T>(request: string, read: (text: string) => Answer<T>): T {
    if (!this.begun) {
      this.begun = true;
      this.session.postReset(this.config);
      this.session.takeReady();
    }
    return this.session.call(request, read);
  }
}
