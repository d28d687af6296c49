/**
 * A trace of any length whose world stays small (SPEC §8): a cycle of about 30 lines that maps
 * 8 pages, writes them from the CPU and the devices, faults them in on both mirrors, writes
 * back, migrates and unmaps them through fences, then notes, and starts again 16 pages further
 * on (256 places, then around). Every op ends within its cycle, so the world after each cycle
 * has the same shape: what a replay holds does not grow with the trace. The implementation runs
 * alongside the writer, so the lines carry op ids and `expect`s.
 * The replay figures (bench/replay.ts) and the memory test (test/cli/replayMemory.test.ts) use it.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createImplWorld } from '../impl/index.js';
import type { Command, Result } from '../spec/index.js';
import { formatHeader, formatStep } from '../properties/trace/index.js';

type Step = (command: Command) => Result;

/** Runs `op` to its end with `finish`, if the command created one. */
function finished(step: Step, r: Result): void {
  if ('op' in r) step({ cmd: 'finish', op: r.op });
}

/** One cycle at base vpn `b`. */
function cycle(c: number, b: number, step: Step): void {
  const v = (c % 1000) + 1;
  step({ cmd: 'mmap', mm: 0, start: b, npages: 8, prot: 'rw' });
  for (let i = 0; i < 3; i++) step({ cmd: 'write', mm: 0, vpn: b + i, value: v + i });
  finished(step, step({ cmd: 'devFault', dev: 0, mm: 0, start: b, npages: 8, write: false }));
  step({ cmd: 'devWrite', dev: 0, mm: 0, vpn: b + 1, value: v + 10 });
  step({ cmd: 'read', mm: 0, vpn: b + 1 });
  finished(step, step({ cmd: 'devRead', dev: 1, mm: 0, vpn: b + 2 }));
  step({ cmd: 'devRead', dev: 1, mm: 0, vpn: b + 2 });
  finished(step, step({ cmd: 'writeback', mm: 0, start: b, npages: 8 }));
  const migrate = step({ cmd: 'migrate', mm: 0, start: b, npages: 4 });
  if ('op' in migrate) {
    // start, then mirror 1 (dev 0) answers with a fence, mirror 2 (dev 1) at once
    for (const choice of ['sync', 'fence', 'sync'] as const) step({ cmd: 'step', op: migrate.op, choice });
    step({ cmd: 'signal', dev: 0 });
    step({ cmd: 'finish', op: migrate.op });
  }
  const munmap = step({ cmd: 'munmap', mm: 0, start: b, npages: 8 });
  if ('op' in munmap) {
    for (const choice of ['sync', 'fence', 'fence'] as const) step({ cmd: 'step', op: munmap.op, choice });
    step({ cmd: 'signal', dev: 0 });
    step({ cmd: 'signal', dev: 1 });
    step({ cmd: 'finish', op: munmap.op });
  }
}

/** Options of a written trace. */
export interface ReplayTraceOptions {
  /** Physical lines to write, the header included (the last cycle may pass it by up to one cycle). */
  readonly lines: number;
  /** Characters of each note (default 40): big notes make big files cheaply. */
  readonly noteChars?: number;
  /** Notes after every cycle (default 1). */
  readonly notesPerCycle?: number;
}

/** Writes the trace to `path`; resolves to the lines and commands written. */
export async function writeReplayTrace(path: string, o: ReplayTraceOptions): Promise<{ lines: number; commands: number; errors: number }> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const world = createImplWorld();
  const buffer: string[] = [formatHeader({ devices: 2 })];
  let lines = 1;
  let commands = 0;
  let errors = 0;
  const step: Step = (command) => {
    const expect = world.apply(command);
    if ('err' in expect) errors++;
    buffer.push(formatStep({ command, expect }));
    commands++;
    return expect;
  };
  step({ cmd: 'register', dev: 0, mm: 0 });
  step({ cmd: 'register', dev: 1, mm: 0 });
  const note = JSON.stringify({ note: 'n'.repeat(o.noteChars ?? 40) });
  for (let c = 0; lines + buffer.length - 1 < o.lines; c++) {
    cycle(c, (c % 256) * 16, step);
    for (let i = 0; i < (o.notesPerCycle ?? 1); i++) buffer.push(note);
    lines += buffer.length;
    if (!out.write(`${buffer.join('\n')}\n`)) await once(out, 'drain');
    buffer.length = 0;
  }
  out.end();
  await once(out, 'finish');
  return { lines, commands, errors };
}
