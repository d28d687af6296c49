/**
 * Breadth-first search over a scope, level by level, on any number of workers (TLC's
 * breadth-first model checking with a shared FPSet): level d holds the states first found d
 * commands from the start; every transition is checked, every new state is checked, and a state
 * seen before (same fingerprint) is not expanded again. The first breach in breadth-first order
 * is on a shortest path.
 *
 * How the work is split and merged, so that any number of workers gives the same states, the
 * same levels and the same counterexample: a level's states are handed out in chunks of
 * consecutive indices (a shared counter, `levelWorker.ts`); each transition has an order
 * (parent index × MAX_COMMANDS + command position), which is the order a single-threaded
 * search would try it in. The shared fingerprint set keeps, for each state first found in the
 * level, the least order that reached it (`fingerprintSet.ts`). After the level, each worker
 * keeps its transitions that hold their state's least order; the coordinator merges them by
 * order into the next level, which is exactly the level a single thread builds, whoever ran
 * what. Breaches are resolved the same way: the one with the least order wins, and once one is
 * found no worker starts a state past it (every state before it is still expanded).
 */
import type { Breach, SystemParts } from './system.js';
import { System } from './system.js';
import { expandable, indexOfOrder, mergeByOrder, type CandidateArrays } from './candidates.js';
import { FingerprintSet, MAX_CAPACITY } from './fingerprintSet.js';
import { newLevel, pathCodes, type LevelArrays } from './levels.js';
import {
  CONTROL_HALT, CONTROL_NEXT, CONTROL_STOP_PARENT, HALT_TIME, LevelWorker, MAX_COMMANDS, type LevelBreach, type LevelReport,
} from './levelWorker.js';
import {
  collisionProbability, type Counterexample, type DepthProgress, type ExploreLimits, type ExploreOutcome, type ExploreStats, type IncompleteReason, type PathStep,
} from './outcome.js';
import { InlinePool, type Pool } from './pool.js';
import type { Footprints } from './reduction.js';
import { ScopeCommands } from './scopeCommands.js';
import type { Scope } from './scope.js';

/** Everything one search needs. */
export interface SearchInput {
  readonly scope: Scope;
  /** The worlds and checks (the coordinator's, and the inline workers'). */
  readonly parts: SystemParts;
  readonly limits: ExploreLimits;
  /** Partial-order reduction (sleep sets, `reduction.ts`). */
  readonly reduction: boolean;
  /** Worker threads (`threadPool.ts`); absent: `inlineWorkers` workers in this thread. */
  readonly threads?: (setup: PoolSetup) => Promise<Pool>;
  readonly inlineWorkers?: number;
  /** After each level. */
  readonly onDepth?: (p: DepthProgress) => void;
  /** After each level: the fingerprints of its new states, in breadth-first order (tests compare them). */
  readonly onLevel?: (depth: number, hi: Uint32Array, lo: Uint32Array) => void;
  /** The footprints of partial-order reduction (tests give wrong ones to see the reduction test fail). */
  readonly footprints?: () => Footprints;
}

/** What a pool of workers starts from. */
export interface PoolSetup {
  readonly table: FingerprintSet;
  readonly control: Int32Array;
  /** The levels so far (level 0: the initial state). */
  readonly levels: readonly LevelArrays[];
}

/** The table's first size: it grows between levels (`grow`). */
const INITIAL_CAPACITY = 1 << 10;

/** Explores `input.scope` breadth-first up to `input.limits.maxDepth`, on threads when `input.threads` is given. */
export async function search(input: SearchInput): Promise<ExploreOutcome> {
  const s = new Search(input);
  const first = s.start();
  if (first !== null) return first;
  const pool = input.threads !== undefined ? await input.threads(s.setup()) : s.inlinePool();
  // Worker threads leave this thread free: it reports progress within a level once a second.
  const ticker = input.threads !== undefined ? setInterval(() => s.tick(), 1000) : undefined;
  try {
    const loop = s.levelsLoop(pool);
    let r = loop.next();
    while (!r.done) r = loop.next(await r.value);
    return r.value;
  } finally {
    clearInterval(ticker);
    await pool.close();
  }
}

/** `search` in this thread only (`input.threads` is ignored), returning at once. */
export function searchSync(input: SearchInput): ExploreOutcome {
  const s = new Search(input);
  const first = s.start();
  if (first !== null) return first;
  const pool = s.inlinePool();
  const loop = s.levelsLoop(pool);
  let r = loop.next();
  while (!r.done) r = loop.next(r.value);
  return r.value;
}

/** What the level loop waits for: a pool's answer, or its value at once. */
type Pending = unknown;

class Search {
  private readonly started = performance.now();
  private readonly system: System;
  private readonly commands: ScopeCommands;
  private readonly levels: LevelArrays[] = [newLevel(1)];
  private table = FingerprintSet.create(INITIAL_CAPACITY);
  private readonly control = new Int32Array(new SharedArrayBuffer(12));
  private readonly newStates: number[] = [1];
  private transitions = 0;
  private noops = 0;
  private asleep = 0;
  private workers = 1;

  constructor(private readonly input: SearchInput) {
    this.system = new System(input.parts, input.scope.devices, input.scope.symmetricDevices);
    this.commands = new ScopeCommands(input.scope);
  }

  /** Checks the initial state; its counterexample, or null to go on. */
  start(): ExploreOutcome | null {
    const initial = this.system.initial();
    const fp = this.system.fingerprint(initial);
    this.table.insert(fp.hi, fp.lo, 0, 0);
    this.levels[0]!.hi[0] = fp.hi;
    this.levels[0]!.lo[0] = fp.lo;
    const b0 = this.system.check(initial);
    return b0 === null ? null : this.counterexample([], b0, 0);
  }

  /** What a thread pool starts from. */
  setup(): PoolSetup {
    return { table: this.table, control: this.control, levels: [...this.levels] };
  }

  /** `inlineWorkers` workers in this thread. */
  inlinePool(): Pool {
    const n = this.input.inlineWorkers ?? 1;
    const shared: LevelArrays[] = [this.levels[0]!];
    const workers = Array.from({ length: n }, () => {
      const system = new System(this.input.parts, this.input.scope.devices, this.input.scope.symmetricDevices);
      const footprints = this.input.footprints?.();
      return new LevelWorker(system, new ScopeCommands(this.input.scope), shared, this.table, this.control, this.input.reduction, system.initial(), footprints);
    });
    const pool = new InlinePool(workers, shared, this.table);
    pool.onRound = () => this.tick();
    return pool;
  }

  private lastTick = performance.now();
  private level = 0;
  private frontier = 1;

  /** Progress within a level, at most once a second. */
  tick(): void {
    const now = performance.now();
    if (now - this.lastTick < 1000) return;
    this.lastTick = now;
    const queue = Math.max(0, this.frontier - Atomics.load(this.control, CONTROL_NEXT));
    this.input.onDepth?.({ depth: this.level + 1, partial: true, newStates: 0, states: this.table.size, transitions: this.transitions, elapsedMs: this.elapsed(), queue });
  }

  /** The levels, one after another; yields each request to the pool and is given its answer. */
  // The answer's type depends on the request; each `yield` names it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  *levelsLoop(pool: Pool): Generator<Pending, ExploreOutcome, any> {
    const { maxDepth, maxStates, timeLimitMs } = this.input.limits;
    const deadline = timeLimitMs === undefined ? Infinity : Date.now() + timeLimitMs;
    let size = 1;
    let sleepStart: Int32Array = new Int32Array(0);
    let sleep: Int32Array = new Int32Array(0);
    for (let level = 0; level < maxDepth; level++) {
      this.grow(pool, size, level);
      Atomics.store(this.control, CONTROL_NEXT, 0);
      Atomics.store(this.control, CONTROL_STOP_PARENT, 0x7fffffff);
      this.workers = pool.size;
      this.level = level;
      this.frontier = size;
      const reports: LevelReport[] = yield pool.expand({ level, size, sleepStart, sleep, deadline });
      this.count(reports);
      const halt = Atomics.load(this.control, CONTROL_HALT);
      const next = mergeByOrder((yield pool.firstArrivals(level + 1)) as CandidateArrays[]);
      const breach = this.firstBreach(reports, next, level);
      if (breach !== null) return breach;
      if (halt !== 0) return this.incomplete(halt === HALT_TIME ? 'time' : 'table', level);
      const frontier = expandable(next);
      const arrays = newLevel(frontier.n);
      for (let i = 0; i < frontier.n; i++) {
        arrays.parents[i] = Math.floor(frontier.order[i]! / MAX_COMMANDS);
        arrays.codes[i] = frontier.code[i]!;
        arrays.hi[i] = frontier.hi[i]!;
        arrays.lo[i] = frontier.lo[i]!;
      }
      this.levels.push(arrays);
      pool.addLevel(arrays);
      this.newStates.push(next.n);
      this.input.onLevel?.(level + 1, next.hi, next.lo);
      this.lastTick = performance.now();
      this.input.onDepth?.({ depth: level + 1, newStates: next.n, states: this.table.size, transitions: this.transitions, elapsedMs: this.elapsed(), queue: frontier.n });
      if (frontier.n === 0) return { verdict: 'exhausted', stats: this.stats(level + 1, true) };
      if (maxStates !== undefined && this.table.size > maxStates) return this.incomplete('states', level + 1);
      size = frontier.n;
      sleepStart = this.input.reduction ? frontier.sleepStart : new Int32Array(0);
      sleep = this.input.reduction ? frontier.sleep : new Int32Array(0);
    }
    return { verdict: 'bounded', stats: this.stats(maxDepth, false) };
  }

  /** Grows the table before a level when its states might not fit. */
  private grow(pool: Pool, frontier: number, level: number): void {
    const last = this.newStates[level]!;
    const before = level > 0 ? this.newStates[level - 1]! : 1;
    const ratio = Math.max(8, (2 * last) / Math.max(1, before));
    const need = this.table.size + frontier * ratio;
    if (need <= this.table.capacity * 0.6 || this.table.capacity >= MAX_CAPACITY) return;
    let capacity = this.table.capacity;
    while (capacity < need * 2 && capacity < MAX_CAPACITY) capacity *= 2;
    this.table = this.table.grown(capacity);
    pool.useTable(this.table);
  }

  private count(reports: readonly LevelReport[]): void {
    for (const r of reports) {
      this.transitions += r.transitions;
      this.noops += r.noops;
      this.asleep += r.asleep;
    }
  }

  /** The breach of least order in the level, as a counterexample; null when none. */
  private firstBreach(reports: readonly LevelReport[], next: CandidateArrays, level: number): ExploreOutcome | null {
    let best: { order: number; code: number; breach: LevelBreach } | null = null;
    for (const r of reports) {
      for (const b of r.breaches) {
        let order = b.order;
        let code = b.code;
        if (b.kind === 'state') {
          order = this.table.arrival(b.hi, b.lo)?.order ?? order;
          const i = indexOfOrder(next, order);
          if (i >= 0) code = next.code[i]!;
        }
        if (best === null || order < best.order) best = { order, code, breach: b };
      }
    }
    if (best === null) return null;
    const codes = [...pathCodes(this.levels, level, Math.floor(best.order / MAX_COMMANDS)), best.code];
    return this.counterexample(codes, best.breach, level);
  }

  /** Replays `codes` on fresh worlds for the results, and reports the counterexample. */
  private counterexample(codes: readonly number[], breach: Breach, level: number): ExploreOutcome {
    const s = this.system.initial();
    const steps: PathStep[] = [];
    for (const code of codes) {
      const command = this.commands.command(code);
      const { results } = this.system.apply(s, command);
      steps.push({ command, result: results[0]! });
    }
    const counterexample: Counterexample = { steps, rule: breach.rule, message: breach.message };
    return { verdict: 'counterexample', stats: this.stats(level, false), counterexample };
  }

  private incomplete(reason: IncompleteReason, depthCompleted: number): ExploreOutcome {
    return { verdict: 'incomplete', stats: this.stats(depthCompleted, false), reason };
  }

  private elapsed(): number {
    return performance.now() - this.started;
  }

  private stats(depthCompleted: number, exhausted: boolean): ExploreStats {
    const elapsedMs = this.elapsed();
    const states = this.table.size;
    return {
      states, depthCompleted, newStates: [...this.newStates], transitions: this.transitions, noops: this.noops, asleep: this.asleep,
      elapsedMs, statesPerSecond: elapsedMs > 0 ? (states / elapsedMs) * 1000 : 0, workers: this.workers,
      fingerprintCollisionProbability: collisionProbability(states, this.transitions + states), exhausted,
    };
  }
}
