/**
 * A session with an implementation's process (docs/protocol.md): `hello` first, then requests
 * whose answers come back in order. Requests may be posted ahead of their answers (pipelining);
 * `take` reads the answer of the oldest request still in flight. Any way the implementation
 * fails while an answer is due (exit, end of output, timeout, an invalid or `{"error":...}`
 * answer) throws `ImplementationCrash` and kills the process; the next `reset` starts a new one
 * and says hello again, so each run, and each shrink attempt, begins on a sound process.
 */
import type { WorldConfig } from '../../spec/index.js';
import { readHello, readReady, type Answer, type HelloAnswer } from './answers.js';
import { ImplementationCrash, type CrashFacts } from './implementationCrash.js';
import { escapeText, quoteText } from './quote.js';
import { ProcessChannel, type ChannelEnd } from './processChannel.js';
import { helloRequest, resetRequest } from './requests.js';

/** The per-request timeout of `--impl-timeout` by default (docs/protocol.md). */
export const DEFAULT_TIMEOUT_SECONDS = 10;

/**
 * The hello answer may take longer than other answers: it waits for the process to start (a
 * runtime to load, a sanitizer to map its shadow memory), which says nothing about a hang.
 */
export const START_TIMEOUT_SECONDS = 10;

/** Requests handed to the worker in one message when pipelining (each message wakes the worker thread, a reschedule on a loaded machine). */
export const SEND_BATCH = 96;

/** The implementation cannot be used at all: it does not start or its hello fails (exit 2). */
export class ProtocolStartError extends Error {
  override readonly name = 'ProtocolStartError';
}

/** One implementation process at a time, restarted after a crash. */
export class ProcessSession {
  private readonly channel: ProcessChannel;
  private readonly inFlight: string[] = [];
  private head = 0;
  private alive = false;
  private helloAnswer: HelloAnswer | undefined;
  /** Requests queued but not yet handed to the worker. */
  private outgoing = '';
  private unsent = 0;

  constructor(
    readonly command: string,
    readonly timeoutSeconds: number,
  ) {
    this.channel = new ProcessChannel(command);
  }

  /** The hello answer of the first process (`open` must have succeeded). */
  get hello(): HelloAnswer {
    if (this.helloAnswer === undefined) throw new Error('ProcessSession: hello before open()');
    return this.helloAnswer;
  }

  /** Requests posted whose answers were not taken yet. */
  get pending(): number {
    return this.inFlight.length - this.head;
  }

  /** Starts the process and says hello; a failure is a `ProtocolStartError` naming the command. */
  open(config: WorldConfig): HelloAnswer {
    try {
      this.helloAnswer = this.start(config);
      return this.helloAnswer;
    } catch (e) {
      if (!(e instanceof ImplementationCrash)) throw e;
      const f = e.facts;
      const text = f.kind === 'error' ? `hello refused: ${quoteText(f.answer ?? '')}${f.stderrBrief === '' ? '' : `; stderr: ${f.stderrBrief}`}` : e.message;
      throw new ProtocolStartError(`--impl '${escapeText(this.command, 120)}': ${text}`);
    }
  }

  /** Posts `reset` for a new run (restarting a dead process first); its answer is taken with `takeReady`. */
  postReset(config: WorldConfig): void {
    this.drop();
    if (!this.alive) this.start(config);
    this.post(resetRequest(config));
  }

  /** Takes the answer to `reset`. */
  takeReady(): void {
    this.take(readReady);
  }

  /**
   * Queues one request line. Lines go to the process in batches (one message to the worker per
   * `SEND_BATCH` requests), and at the latest when an answer is taken.
   */
  post(request: string): void {
    this.inFlight.push(request);
    this.outgoing += request;
    if (++this.unsent >= SEND_BATCH) this.send();
  }

  private send(): void {
    if (this.unsent === 0) return;
    this.channel.send(this.outgoing);
    this.outgoing = '';
    this.unsent = 0;
  }

  /** The oldest request's answer, read by `read`; throws `ImplementationCrash` if there is none. */
  take<T>(read: (text: string) => Answer<T>, timeoutSeconds = this.timeoutSeconds): T {
    const request = this.inFlight[this.head];
    if (request === undefined) throw new Error('ProcessSession: take() with no request in flight');
    this.send();
    const line = this.channel.next(timeoutSeconds * 1000);
    if (typeof line !== 'string') this.crash(this.endFacts(request, line, timeoutSeconds));
    this.head++;
    if (this.head === this.inFlight.length) {
      this.inFlight.length = 0;
      this.head = 0;
    }
    const answer = read(line);
    if ('value' in answer) return answer.value;
    if ('error' in answer) return this.crash(this.facts({ kind: 'error', request, answer: answer.error }));
    return this.crash(this.facts({ kind: 'invalid', request, answer: line, why: answer.invalid }));
  }

  /** Posts a request and takes its answer. */
  call<T>(request: string, read: (text: string) => Answer<T>): T {
    this.post(request);
    return this.take(read);
  }

  /** Ends the session: standard input closed, the process given a moment to exit, then killed. */
  close(): void {
    this.alive = false;
    this.channel.close();
  }

  /** Takes and ignores the answers still in flight (an abandoned run); a crash just kills. */
  private drop(): void {
    try {
      while (this.pending > 0) this.take((text) => ({ value: text }));
    } catch (e) {
      if (!(e instanceof ImplementationCrash)) throw e;
    }
  }

  private start(config: WorldConfig): HelloAnswer {
    this.outgoing = '';
    this.unsent = 0;
    this.inFlight.length = 0;
    this.head = 0;
    const timeout = Math.max(this.timeoutSeconds, START_TIMEOUT_SECONDS);
    const failed = this.channel.start(timeout * 1000);
    const hello = helloRequest(config);
    if (failed !== undefined) this.crash(this.endFacts(hello, failed, timeout));
    this.alive = true;
    this.post(hello);
    return this.take(readHello, timeout);
  }

  private facts(f: Omit<CrashFacts, 'stderr' | 'stderrBrief'>): CrashFacts {
    return { ...f, stderr: this.channel.stderr.shown(), stderrBrief: this.channel.stderr.brief() };
  }

  private endFacts(request: string, end: ChannelEnd, timeoutSeconds: number): CrashFacts {
    if (end.end === 'timeout') return this.facts({ kind: 'timeout', request, timeoutSeconds });
    if (end.end === 'spawn') return this.facts({ kind: 'spawn', request, why: end.why });
    return this.facts({ kind: end.end, request, ...(end.exit === undefined ? {} : { exit: end.exit }) });
  }

  private crash(facts: CrashFacts): never {
    this.outgoing = '';
    this.unsent = 0;
    this.channel.kill();
    this.alive = false;
    this.inFlight.length = 0;
    this.head = 0;
    throw new ImplementationCrash(facts);
  }
}
