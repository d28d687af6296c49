/**
 * One worker's share of a breadth-first level (the heart of `search.ts`): it takes chunks of
 * the level's states (a shared counter hands them out), rebuilds each state (`levels.ts`),
 * tries every command of the scope not asleep there (`reduction.ts`), checks each transition,
 * and tells the shared fingerprint set what it reached (`fingerprintSet.ts`). A state first
 * found by this worker is checked here; every transition into a state first found in this
 * level is a candidate (`candidates.ts`), resolved after the level.
 *
 * A command that leaves the state as it was (same fingerprint: a read of a present pte,
 * EAGAIN) leaves the worlds reusable, so the next command needs no copy. A refusal needs no
 * fingerprint either (`isRefusal`).
 */
import type { Command } from '../../spec/index.js';
import { Candidates, type CandidateArrays } from './candidates.js';
import { FULL, IN_LEVEL, NEW, OLD, type FingerprintSet } from './fingerprintSet.js';
import { Rebuilder, type LevelArrays } from './levels.js';
import { childSleep, Footprints } from './reduction.js';
import type { ScopeCommands } from './scopeCommands.js';
import { isRefusal, type Breach, type System, type SystemState } from './system.js';

/** Commands tried in one state at most: an order is `parent index × MAX_COMMANDS + position`. */
export const MAX_COMMANDS = 4096;
/** States a worker takes at a time. */
export const CHUNK = 32;

/** Slots of the shared control block. */
export const CONTROL_NEXT = 0;
export const CONTROL_STOP_PARENT = 1;
export const CONTROL_HALT = 2;
export const HALT_TIME = 1;
export const HALT_FULL = 2;

/** A breach found in a level, located by the order of its transition (state breaches: the inserting one). */
export interface LevelBreach extends Breach {
  readonly kind: 'transition' | 'state';
  readonly order: number;
  readonly code: number;
  readonly hi: number;
  readonly lo: number;
}

/** What a level asks of a worker. */
export interface LevelJob {
  /** Depth of the states expanded. */
  readonly level: number;
  readonly size: number;
  /** Sleep sets of the level's states (empty arrays when there is no reduction). */
  readonly sleepStart: Int32Array;
  readonly sleep: Int32Array;
  /** Wall-clock deadline (Date.now()), or Infinity. */
  readonly deadline: number;
}

/** What a worker found in a level. */
export interface LevelReport {
  readonly transitions: number;
  readonly noops: number;
  readonly asleep: number;
  readonly breaches: readonly LevelBreach[];
}

export class LevelWorker {
  private rebuilder: Rebuilder;
  private candidates = new Candidates();
  private readonly footprints: Footprints;
  private readonly codes: number[] = [];
  private readonly commandList: Command[] = [];
  private readonly asleep: boolean[] = [];
  /** Per position: the command's state is past the scope's constraints (never expanded). */
  private readonly unexpanded: boolean[] = [];
  private readonly sleepOut: number[] = [];
  private breaches: LevelBreach[] = [];
  /** A state this worker is done with, whose storage the next copy reuses. */
  private spare: SystemState | undefined;
  private transitions = 0;
  private noops = 0;
  private skipped = 0;

  constructor(
    private readonly system: System,
    private readonly commands: ScopeCommands,
    private readonly levels: LevelArrays[],
    private table: FingerprintSet,
    private readonly control: Int32Array,
    private readonly reduce: boolean,
    initial: SystemState,
    footprints: Footprints = new Footprints(),
  ) {
    this.footprints = footprints;
    this.rebuilder = new Rebuilder(system, commands, levels, initial);
  }

  /** Uses `table` from now on (the coordinator grew it between levels). */
  useTable(table: FingerprintSet): void {
    this.table = table;
  }

  /** Starts a level: nothing found yet. */
  beginLevel(): void {
    this.candidates = new Candidates();
    this.breaches = [];
    this.transitions = this.noops = this.skipped = 0;
  }

  /** Takes one chunk of `job`'s level; false when none is left or the search must stop. */
  runChunk(job: LevelJob): boolean {
    if (Atomics.load(this.control, CONTROL_HALT) !== 0) return false;
    if (Date.now() >= job.deadline) {
      Atomics.compareExchange(this.control, CONTROL_HALT, 0, HALT_TIME);
      return false;
    }
    const from = Atomics.add(this.control, CONTROL_NEXT, CHUNK);
    if (from >= job.size) return false;
    const to = Math.min(job.size, from + CHUNK);
    for (let i = from; i < to; i++) {
      if (i > Atomics.load(this.control, CONTROL_STOP_PARENT)) break;
      if (!this.expand(job, i)) break;
    }
    return true;
  }

  /** What this worker did in the level so far. */
  report(): LevelReport {
    return { transitions: this.transitions, noops: this.noops, asleep: this.skipped, breaches: this.breaches };
  }

  /** The transitions into states first found in the level, as found. */
  found(): CandidateArrays {
    return this.candidates.arrays();
  }

  /** Tries every command in state `index`; false when the search must stop. */
  private expand(job: LevelJob, index: number): boolean {
    const { system, commands } = this;
    const parent = this.rebuilder.state(job.level, index);
    const lv = this.levels[job.level]!;
    const parentHi = lv.hi[index]!;
    const parentLo = lv.lo[index]!;
    const codes = commands.codesIn(parent.outcome.ops, this.codes);
    if (codes.length > MAX_COMMANDS) throw new Error(`explorer: ${codes.length} commands in one state, more than ${MAX_COMMANDS}`);
    this.markAsleep(job, index, codes);
    this.unexpanded.length = codes.length;
    this.unexpanded.fill(false);
    if (this.reduce) {
      this.commandList.length = 0;
      for (const c of codes) this.commandList.push(commands.command(c));
      this.footprints.prepare(parent.worlds[0]!.observe(), this.commandList);
    }
    let work: SystemState | null = null;
    const level = job.level + 1;
    for (let pos = 0; pos < codes.length; pos++) {
      if (this.asleep[pos]) {
        this.skipped++;
        continue;
      }
      work ??= system.copy(parent, this.spare);
      const code = codes[pos]!;
      const order = index * MAX_COMMANDS + pos;
      this.transitions++;
      const command = commands.command(code);
      const { results, breach } = system.apply(work, command);
      if (breach !== null) {
        this.breach({ ...breach, kind: 'transition', order, code, hi: 0, lo: 0 }, index);
        this.spare = undefined;
        return false;
      }
      if (isRefusal(command, results[0]!)) {
        this.noops++;
        continue;
      }
      const fp = system.fingerprint(work);
      if (fp.hi === parentHi && fp.lo === parentLo) {
        this.noops++;
        continue;
      }
      const found = this.table.insert(fp.hi, fp.lo, level, order);
      if (found === FULL) {
        Atomics.compareExchange(this.control, CONTROL_HALT, 0, HALT_FULL);
        return false;
      }
      const w = work;
      const frozen = (found !== OLD || this.reduce) && commands.pastConstraints(w.outcome.ops, () => w.worlds[0]!.observe());
      // A command whose state is never expanded (past the scope's constraints) cannot put others to sleep (reduction.ts).
      this.unexpanded[pos] = frozen;
      if (found === NEW || found === IN_LEVEL) {
        const sleep = this.reduce ? childSleep(this.footprints, codes, this.asleep, this.unexpanded, pos, this.sleepOut) : this.sleepOut;
        this.candidates.add(fp.hi, fp.lo, order, code, frozen, sleep);
      }
      if (found === NEW) {
        const b = system.check(work);
        if (b !== null) {
          this.breach({ ...b, kind: 'state', order, code, hi: fp.hi, lo: fp.lo }, index);
          return false;
        }
      }
      this.spare = work;
      work = null;
    }
    if (work !== null) this.spare = work;
    return true;
  }

  private markAsleep(job: LevelJob, index: number, codes: readonly number[]): void {
    const asleep = this.asleep;
    asleep.length = codes.length;
    asleep.fill(false);
    const from = job.sleepStart.length > index + 1 ? job.sleepStart[index]! : 0;
    const to = job.sleepStart.length > index + 1 ? job.sleepStart[index + 1]! : 0;
    for (let k = from; k < to; k++) {
      const pos = codes.indexOf(job.sleep[k]!);
      if (pos >= 0) asleep[pos] = true;
    }
  }

  /** Records a breach and stops every worker past this parent. */
  private breach(b: LevelBreach, parent: number): void {
    this.breaches.push(b);
    for (;;) {
      const cur = Atomics.load(this.control, CONTROL_STOP_PARENT);
      if (cur <= parent || Atomics.compareExchange(this.control, CONTROL_STOP_PARENT, cur, parent) === cur) return;
    }
  }
}

