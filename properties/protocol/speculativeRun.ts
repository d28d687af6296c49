/**
 * The first pass of a pipelined lockstep run with an implementation's process (docs/protocol.md,
 * Pipelining): each command is applied to the model at once and checked there (rules of SPEC §6
 * on the model's observation, `memoryIsMemory`), while the implementation's requests (the
 * command, `observe`, `check`) go out in batches and their answers are read later, in order,
 * compared with what the model said as text (a result's JSON, the canonical text of the declared
 * parts of the observation, an empty breach list). The process works on one batch while the
 * checker runs the model on the next, so two cores both work.
 *
 * Pipelining only decides *whether* a run fails. Once anything looks wrong (an answer that
 * differs, a crash, a broken rule or memory check, the drain), the run is done again one request
 * at a time by the plain `Lockstep` on a fresh model and a `ProcessWorld` reset on the session,
 * up to the suspicious command, and that run's `ConformanceFailure` is thrown: so the failure,
 * its command index, its message and its transcript are exactly what a run without pipelining
 * gives. An implementation that passes the second time answered differently to the same
 * commands: a `crash` counterexample says so.
 */
import { observationPartsText, type Command, type Observation, type Result, type World, type WorldConfig } from '../../spec/index.js';
import { formatCommand } from '../commands/index.js';
import { leftInFlight, drainThrough, type Rule } from '../rules/index.js';
import { ConformanceFailure } from '../runner/failure.js';
import type { Lockstep } from '../runner/lockstep.js';
import type { LockstepRun, MemoryCheck } from '../runner/ports.js';
import type { TranscriptEntry } from '../runner/transcript.js';
import { readBreaches, readObservation, readReady, readResult, type Answer, type HelloAnswer } from './answers.js';
import { ImplementationCrash } from './implementationCrash.js';
import type { ProcessSession } from './processSession.js';
import { CHECK_REQUEST, OBSERVE_REQUEST, commandRequest } from './requests.js';

/** Requests in flight before the checker starts reading answers, and how many it leaves in flight. */
export const PIPELINE_HIGH = 384;
export const PIPELINE_LOW = 96;

/** What an answer must be: the text the model predicts, and a reader for other formattings of it. */
interface Expected {
  /** Transcript index of the command it belongs to (-1: the initial reset and observe). */
  readonly at: number;
  readonly text: string;
  /** The answer's value printed the way `text` was (called only when the texts differ). */
  readonly same: (answer: string) => boolean;
}

const EMPTY_BREACHES = '{"breaches":[]}';

/** A lockstep run whose implementation answers are read in batches; failures are made exact. */
export class SpeculativeRun implements LockstepRun {
  readonly transcript: TranscriptEntry[] = [];
  /** `next` after each command of the transcript. */
  readonly nexts: Observation['next'][] = [];
  private observation!: Observation;
  private readonly expected: Expected[] = [];
  private head = 0;
  private drainFrom: number | undefined;
  /** Where the exact run threw the failure this run threw: building the worlds, a command, the drain. */
  failedIn: 'init' | 'apply' | 'drain' = 'apply';
  private readonly hello: HelloAnswer;

  /**
   * `exact` builds the one-request-at-a-time `Lockstep` of this run on fresh worlds (its impl a
   * `ProcessWorld` on `session`), with the same rules and a fresh memory check.
   */
  constructor(
    private readonly model: World,
    private readonly session: ProcessSession,
    private readonly config: WorldConfig,
    private readonly rules: readonly Rule[],
    private readonly memory: MemoryCheck | undefined,
    private readonly exact: () => Lockstep,
  ) {
    this.hello = session.hello;
    try {
      this.observation = model.observe();
      session.postReset(config);
    } catch {
      this.suspect(-1);
    }
    this.expect(-1, '{"ready":1}', (t) => valueIs(readReady(t), () => true));
    this.postObserve(-1, this.observation);
  }

  get next(): Observation['next'] {
    return this.observation.next;
  }

  /** The model's observation after the last command. */
  get current(): Observation {
    return this.observation;
  }

  apply(command: Command): void {
    const at = this.transcript.length;
    let result: Result;
    let observation: Observation;
    try {
      result = this.model.apply(command);
      observation = this.model.observe();
    } catch {
      // The model threw (a bug of the model): the exact run reports it as a crash of the model.
      this.transcript.push({ command });
      return this.suspect(at);
    }
    this.transcript.push({ command, model: result, impl: result });
    this.session.post(commandRequest(command));
    const text = JSON.stringify(result);
    this.expect(at, text, (t) => valueIs(readResult(t), (r) => JSON.stringify(r) === text));
    this.postObserve(at, observation);
    if (this.hello.selfCheck) {
      this.session.post(CHECK_REQUEST);
      this.expect(at, EMPTY_BREACHES, (t) => valueIs(readBreaches(t), (b) => b.length === 0));
    }
    this.observation = observation;
    this.nexts.push(observation.next);
    if (this.rules.some((rule) => rule.check(observation).length > 0)) this.suspect(at);
    if (this.memory && this.memory.after(command, result, observation).length > 0) this.suspect(at);
    if (this.session.pending > PIPELINE_HIGH) this.read(PIPELINE_LOW);
  }

  /** Where the drain began in the transcript (absent: not yet). */
  get drainStart(): number | undefined {
    return this.drainFrom;
  }

  drain(): void {
    this.drainFrom = this.transcript.length;
    drainThrough(() => this.observation, (command) => this.apply(command));
    this.read(0);
    if (leftInFlight(this.observation).length > 0) this.suspect(this.transcript.length);
  }

  private postObserve(at: number, observation: Observation): void {
    this.session.post(OBSERVE_REQUEST);
    const parts = this.hello.observes;
    const text = observationPartsText(observation, parts);
    this.expect(at, text, (t) => valueIs(readObservation(t, parts, this.config.devices), (o) => observationPartsText(o, parts) === text));
  }

  private expect(at: number, text: string, same: (answer: string) => boolean): void {
    this.expected.push({ at, text, same });
  }

  /** Reads answers in order until at most `left` requests are in flight; any doubt is `suspect`. */
  private read(left: number): void {
    while (this.session.pending > left) {
      const want = this.expected[this.head++]!;
      let answer: string;
      try {
        answer = this.session.take((t) => ({ value: t }));
      } catch (e) {
        if (e instanceof ImplementationCrash) return this.suspect(want.at);
        throw e;
      }
      if (answer !== want.text && !want.same(answer)) this.suspect(want.at);
    }
    this.expected.splice(0, this.head);
    this.head = 0;
  }

  /**
   * The run failed at or before transcript index `at` (or in the drain): run it again one request
   * at a time up to there and throw what that run throws.
   */
  private suspect(at: number): never {
    this.failedIn = 'init';
    const lockstep = this.exact();
    const drainFrom = this.drainFrom ?? Infinity;
    const upTo = Math.min(at + 1, drainFrom, this.transcript.length);
    this.failedIn = 'apply';
    for (const entry of this.transcript.slice(0, upTo)) lockstep.apply(entry.command);
    this.failedIn = at < 0 ? 'init' : at >= drainFrom ? 'drain' : 'apply';
    if (at >= drainFrom) lockstep.drain();
    const last = this.transcript[Math.min(at, this.transcript.length - 1)];
    const where = last === undefined ? 'initially' : `at ${formatCommand(last.command)}`;
    const message = `the implementation answered differently ${where} when the same commands were sent again one at a time (is it deterministic?)`;
    const details = last === undefined ? { kind: 'crash' as const, message, side: 'impl' as const } : { kind: 'crash' as const, message, side: 'impl' as const, command: formatCommand(last.command), at: Math.min(at, this.transcript.length - 1) + 1 };
    throw new ConformanceFailure(details, this.transcript.slice(0, Math.max(0, at + 1)));
  }
}

/** True when the answer is a value that `ok` accepts. */
function valueIs<T>(answer: Answer<T>, ok: (value: T) => boolean): boolean {
  return 'value' in answer && ok(answer.value);
}
