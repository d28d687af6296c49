/**
 * The main thread's end of an implementation's process (docs/protocol.md, Transport): it starts
 * COMMAND through the worker of `workerSource.ts`, posts request text, and takes answer lines
 * one at a time, blocking in `Atomics.wait` until the worker has something or the per-request
 * timeout passes, then reading it with `receiveMessageOnPort`. So the checker stays synchronous
 * (a `World` whose calls return values) while the worker reads the process's pipes whenever
 * data comes. One channel (one worker) serves every process of a check: a restart is a new
 * generation, and lines of an older generation are dropped.
 */
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { StderrTail } from './stderrTail.js';
import { WORKER_SOURCE, type FromWorker, type ToWorker } from './workerSource.js';

/** How waiting for an answer ended when no line came. */
export type ChannelEnd =
  | { readonly end: 'exit' | 'eof'; readonly exit?: { readonly code: number | null; readonly signal: string | null } }
  | { readonly end: 'timeout' }
  | { readonly end: 'spawn'; readonly why: string };

/** The longest answer line taken whole (an observation of about a million mapped pages). */
export const MAX_LINE = 64 * 1024 * 1024;

/** Process groups still running, killed when the checker exits (a hung process must not outlive it). */
const running = new Set<number>();
let exitHookInstalled = false;

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const pid of running) killGroup(pid);
  });
}

/** One implementation process at a time, spoken to line by line. */
export class ProcessChannel {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counter = new Int32Array(new SharedArrayBuffer(4));
  private gen = 0;
  private pid: number | undefined;
  private lines: string[] = [];
  private head = 0;
  private ended: ChannelEnd | undefined;
  private eof = false;
  /** Standard output after its last newline. */
  private partial = '';
  /** The current process's standard error. */
  stderr = new StderrTail();

  constructor(readonly command: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { port: port2, signal: this.counter.buffer }, transferList: [port2] });
    this.worker.unref();
    installExitHook();
  }

  /** Starts a new process (killing the current one); waits until it runs or failed to start. */
  start(timeoutMs: number): ChannelEnd | undefined {
    this.kill();
    this.gen++;
    this.lines = [];
    this.head = 0;
    this.ended = undefined;
    this.eof = false;
    this.partial = '';
    this.stderr = new StderrTail();
    this.post({ start: this.command, gen: this.gen });
    const deadline = performance.now() + timeoutMs;
    while (this.pid === undefined && this.ended === undefined) if (!this.pump(deadline)) return { end: 'timeout' };
    return this.ended;
  }

  /** Writes request text (newline-terminated lines) to the process's standard input. */
  send(text: string): void {
    if (this.ended === undefined) this.post({ send: text, gen: this.gen });
  }

  /** The next answer line, or how the wait ended: process gone, or `timeoutMs` without a line. */
  next(timeoutMs: number): string | ChannelEnd {
    if (this.head < this.lines.length) return this.take();
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      if (this.head < this.lines.length) return this.take();
      if (this.ended !== undefined) return this.ended;
      if (this.eof) return this.settle({ end: 'eof' });
      if (!this.pump(deadline)) return { end: 'timeout' };
    }
  }

  /** Kills the current process's group (SIGKILL); its remaining lines are dropped. */
  kill(): void {
    if (this.pid === undefined) return;
    this.post({ kill: this.gen });
    running.delete(this.pid);
    this.pid = undefined;
    this.ended ??= { end: 'exit' };
  }

  /** Ends the session: closes standard input, waits up to `graceMs` for a clean exit, then kills. */
  close(graceMs = 1000): void {
    if (this.pid !== undefined && this.ended === undefined) {
      this.post({ end: this.gen });
      const deadline = performance.now() + graceMs;
      while (this.ended === undefined && this.pump(deadline)) this.head = this.lines.length;
    }
    this.kill();
    void this.worker.terminate();
  }

  /** Appends the complete lines of `chunk` (the rest waits for the next chunk). */
  private split(chunk: string): void {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', from)) {
      const piece = chunk.slice(from, nl);
      this.lines.push(this.partial === '' ? piece : this.partial + piece);
      this.partial = '';
      from = nl + 1;
    }
    if (from < chunk.length) this.partial += chunk.slice(from);
    // An answer line that never ends is cut into lines of MAX_LINE characters: the first is an
    // invalid answer, which ends the session, instead of growing until memory runs out.
    while (this.partial.length > MAX_LINE) {
      this.lines.push(this.partial.slice(0, MAX_LINE));
      this.partial = this.partial.slice(MAX_LINE);
    }
  }

  private take(): string {
    const line = this.lines[this.head++]!;
    if (this.head > 4096 && this.head * 2 > this.lines.length) {
      this.lines = this.lines.slice(this.head);
      this.head = 0;
    }
    return line;
  }

  /** After end of output: wait a little for the exit status, which makes a better message. */
  private settle(end: { end: 'eof' }): ChannelEnd {
    const deadline = performance.now() + 200;
    while (this.ended === undefined && this.pump(deadline));
    return this.ended ?? end;
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  /** Handles every waiting message, or waits until one comes; false when the deadline passed first. */
  private pump(deadline: number): boolean {
    for (;;) {
      const seen = Atomics.load(this.counter, 0);
      let got = false;
      for (let m = receiveMessageOnPort(this.port); m !== undefined; m = receiveMessageOnPort(this.port)) {
        got = true;
        this.handle(m.message as FromWorker);
      }
      if (got) return true;
      const left = deadline - performance.now();
      if (left <= 0) return false;
      Atomics.wait(this.counter, 0, seen, left);
    }
  }

  private handle(m: FromWorker): void {
    if (m.gen !== this.gen) return;
    if ('out' in m) this.split(m.out);
    else if ('stderr' in m) this.stderr.push(m.stderr);
    else if ('eof' in m) {
      if (this.partial !== '') this.lines.push(this.partial);
      this.partial = '';
      this.eof = true;
    }
    else if ('pid' in m) {
      this.pid = m.pid;
      running.add(m.pid);
    } else if ('exit' in m) {
      if (this.pid !== undefined) running.delete(this.pid);
      this.ended = { end: 'exit', exit: m.exit };
    } else this.ended = { end: 'spawn', why: m.spawnError };
  }
}
