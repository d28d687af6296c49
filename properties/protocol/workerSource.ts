/**
 * The worker thread that owns an implementation's process (docs/protocol.md, Transport): it runs
 * COMMAND with `sh -c` in a process group of its own, writes the requests the main thread posts
 * to the process's standard input, and hands every complete line of its standard output and
 * standard error back through a `MessagePort`, bumping a shared counter after each message so
 * the main thread, blocked in `Atomics.wait`, wakes up (properties/protocol/processChannel.ts).
 * Reading happens whenever data arrives, so the process never blocks on a full pipe while the
 * checker writes.
 *
 * It is plain JavaScript in a string, started with `eval: true`: the same text runs under vitest
 * (TypeScript sources), from `dist/` and from an installed package, with nothing to resolve.
 * Every message carries the generation of the process it concerns, so lines of a process that
 * was killed and replaced are told apart from the new one's.
 */

/** Messages from the main thread to the worker. */
export type ToWorker =
  | { readonly start: string; readonly gen: number }
  | { readonly send: string; readonly gen: number }
  | { readonly kill: number }
  | { readonly end: number };

/** Messages from the worker: answer lines, stderr lines, end of output, exit, or a failed spawn. */
export type FromWorker =
  | { readonly gen: number; readonly pid: number }
  | { readonly gen: number; readonly out: string }
  | { readonly gen: number; readonly stderr: readonly string[] }
  | { readonly gen: number; readonly eof: true }
  | { readonly gen: number; readonly exit: { readonly code: number | null; readonly signal: string | null } }
  | { readonly gen: number; readonly spawnError: string };

/** The worker's code. `workerData`: `{ port, signal }` (a MessagePort and a 4-byte SharedArrayBuffer). */
export const WORKER_SOURCE = String.raw`
'use strict';
const { workerData, parentPort } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const { port, signal } = workerData;
const counter = new Int32Array(signal);
const children = new Map();
const groups = new Map();

function post(message) {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
}

function lineSplitter(gen, key) {
  let partial = '';
  return {
    data(chunk) {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop();
      // A line without end (megabytes of log without a newline) is cut, not kept growing.
      if (partial.length > 65536) {
        parts.push(partial);
        partial = '';
      }
      if (parts.length > 0) post({ gen, [key]: parts });
    },
    end() {
      if (partial !== '') post({ gen, [key]: [partial] });
      partial = '';
    },
  };
}

function start(command, gen) {
  let child;
  try {
    child = spawn('sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  } catch (e) {
    post({ gen, spawnError: String(e && e.message ? e.message : e) });
    return;
  }
  children.set(gen, child);
  child.on('error', (e) => post({ gen, spawnError: String(e && e.message ? e.message : e) }));
  child.stdin.on('error', () => {});
  const err = lineSplitter(gen, 'stderr');
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk) => post({ gen, out: chunk }));
  child.stdout.on('end', () => post({ gen, eof: true }));
  child.stderr.on('data', err.data);
  child.stderr.on('end', err.end);
  // 'close' comes once the process has exited and its pipes are drained, so every line it wrote
  // is posted before its exit; a grandchild holding the pipes open delays it, hence the timer.
  let posted = false;
  const exited = (code, sig) => {
    if (posted) return;
    posted = true;
    children.delete(gen);
    post({ gen, exit: { code, signal: sig } });
  };
  child.on('close', exited);
  child.on('exit', (code, sig) => setTimeout(() => exited(code, sig), 200));
  if (child.pid !== undefined) {
    groups.set(gen, child.pid);
    post({ gen, pid: child.pid });
  }
}

function kill(gen) {
  const pid = groups.get(gen);
  groups.delete(gen);
  if (pid === undefined) return;
  try { process.kill(-pid, 'SIGKILL'); } catch {}
}

parentPort.on('message', (m) => {
  if (m.start !== undefined) start(m.start, m.gen);
  else if (m.send !== undefined) { const c = children.get(m.gen); if (c) c.stdin.write(m.send); }
  else if (m.kill !== undefined) kill(m.kill);
  else if (m.end !== undefined) { const c = children.get(m.end); if (c) c.stdin.end(); }
});
`;
