/**
 * Context-bounded exploration (CHESS's iterative context bounding, Musuvathi and Qadeer 2007):
 * every schedule of a thread scope's program (`threadScope.ts`) in which running threads are
 * preempted at most K times, in lockstep with every check of the breadth-first search. Most
 * concurrency bugs need few preemptions, so with K = 1 or 2 the search reaches whole schedules
 * of a race's length (20 to 23 commands in the races scope: a fault commit racing a device
 * write, a stale walk record racing a write, a second fault's backoff), which breadth-first
 * search over every command cannot.
 *
 * A preemption is a switch away from the thread that acted last while it could still act (its
 * next step would not answer EAGAIN without changing anything); switching from a blocked or
 * finished thread is free. A configuration is the worlds' state, each thread's place in its
 * program and op, the thread that acted last and the preemptions used; configurations are
 * explored breadth-first by schedule length and counted once each (fingerprints). One thread.
 */
import type { Command, Observation } from '../../spec/index.js';
import { collisionProbability, type Counterexample, type DepthProgress, type ExploreLimits, type ExploreOutcome, type PathStep } from './outcome.js';
import { ScopeError } from './scope.js';
import { System, outcomeOf, type Breach, type SystemParts, type SystemState } from './system.js';
import { isThreadScope, parseThreadScope, type ThreadScope } from './threadScope.js';

/** A configuration of the program. */
interface Config {
  readonly state: SystemState;
  /** Per program thread: its next command's index, and the op it runs (null: none). */
  readonly pcs: readonly number[];
  readonly ops: readonly (number | null)[];
  /** Who acted last: a program thread's index, `dev:D`, `op:X` (an op no thread owns), or ''. */
  readonly last: string;
  readonly preemptions: number;
  readonly parent: Config | null;
  readonly command: Command | null;
}

/** One thing a thread may do next, and whose it is. */
interface Action {
  readonly who: string;
  readonly command: Command;
  /** The program thread that runs it, or -1. */
  readonly thread: number;
}

/** The thread scope in `json` (from `file`); a scope without threads is a `ScopeError`. */
export function threadScopeOf(json: unknown, file: string): ThreadScope {
  if (!isThreadScope(json)) throw new ScopeError(`${file}: --context-bound needs a scope with "threads" (see properties/explorer/scopes/races.json)`);
  return parseThreadScope(json, file);
}

/** Every schedule of `scope` with at most `bound` preemptions, in lockstep. */
export function exploreThreads(scope: ThreadScope, parts: SystemParts, bound: number, limits: ExploreLimits, onDepth?: (p: DepthProgress) => void): ExploreOutcome {
  return new ContextBounded(scope, parts, bound, limits, onDepth).run();
}

class ContextBounded {
  private readonly system: System;
  private readonly started = performance.now();
  private readonly seen = new Set<string>();
  private readonly checked = new Set<string>();
  private readonly newStates: number[] = [];
  private transitions = 0;
  private shortest = Infinity;

  constructor(private readonly scope: ThreadScope, parts: SystemParts, private readonly bound: number, private readonly limits: ExploreLimits, private readonly onDepth?: (p: DepthProgress) => void) {
    this.system = new System(parts, scope.devices);
  }

  run(): ExploreOutcome {
    const s = this.system.initial();
    for (const c of this.scope.setup) {
      const { breach } = this.system.apply(s, c);
      if (breach !== null) throw new ScopeError(`setup command ${JSON.stringify(c)} breaks ${breach.rule}: ${breach.message}`);
    }
    const root: Config = { state: s, pcs: this.scope.threads.map(() => 0), ops: this.scope.threads.map(() => null), last: '', preemptions: 0, parent: null, command: null };
    const b0 = this.checkState(root);
    if (b0 !== null) return this.counterexample(root, b0, 0);
    this.seen.add(this.key(root));
    this.newStates.push(1);
    const deadline = this.limits.timeLimitMs === undefined ? Infinity : performance.now() + this.limits.timeLimitMs;
    let frontier = [root];
    for (let depth = 0; depth < this.limits.maxDepth; depth++) {
      const next: Config[] = [];
      for (const c of frontier) {
        if (performance.now() > deadline) return { verdict: 'incomplete', stats: this.stats(depth, false), reason: 'time' };
        if (this.complete(c)) this.shortest = Math.min(this.shortest, depth);
        const found = this.expand(c, next);
        if (found !== null) return this.counterexample(found.config, found.breach, depth);
      }
      this.newStates.push(next.length);
      this.onDepth?.({ depth: depth + 1, newStates: next.length, states: this.seen.size, transitions: this.transitions, elapsedMs: performance.now() - this.started, queue: next.length });
      if (next.length === 0) return { verdict: 'exhausted', stats: this.stats(depth, true) };
      if (this.limits.maxStates !== undefined && this.seen.size > this.limits.maxStates) return { verdict: 'incomplete', stats: this.stats(depth + 1, false), reason: 'states' };
      frontier = next;
    }
    return { verdict: 'bounded', stats: this.stats(this.limits.maxDepth, false) };
  }

  /** Tries every action of every thread in `c`; new configurations go to `next`; the first breach, if any. */
  private expand(c: Config, next: Config[]): { config: Config; breach: Breach } | null {
    const o = c.state.worlds[0]!.observe();
    const before = this.system.fingerprint(c.state);
    const tried = this.actions(c, o).map((a) => ({ a, ...this.tryAction(c, a, before) }));
    for (const t of tried) if (t.breach !== null) return { config: t.config, breach: t.breach };
    const enabled = (who: string): boolean => tried.some((t) => t.a.who === who && !t.blocked);
    for (const t of tried) {
      if (t.blocked) continue;
      const cost = c.last !== '' && t.a.who !== c.last && enabled(c.last) ? 1 : 0;
      if (c.preemptions + cost > this.bound) continue;
      const config = { ...t.config, last: t.a.who, preemptions: c.preemptions + cost };
      const key = this.key(config);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      const breach = this.checkState(config);
      if (breach !== null) return { config, breach };
      next.push(config);
    }
    return null;
  }

  /** Every thread has run its commands and its ops, and nothing is in flight: a complete schedule. */
  private complete(c: Config): boolean {
    return c.state.outcome.ops.length === 0 && this.scope.threads.every((t, i) => c.pcs[i] === t.commands.length && c.ops[i] === null);
  }

  /** What each thread may do in `c`: its op's next step with each answer, or its next command; device completions; ops no thread owns. */
  private actions(c: Config, o: Observation): Action[] {
    const out: Action[] = [];
    const inFlight = new Set(c.state.outcome.ops);
    const owned = new Set<number>();
    this.scope.threads.forEach((t, i) => {
      const op = c.ops[i];
      if (op !== null && op !== undefined && inFlight.has(op)) {
        owned.add(op);
        for (const command of this.steps(op, o)) out.push({ who: String(i), command, thread: i });
      } else if (c.pcs[i]! < t.commands.length) out.push({ who: String(i), command: t.commands[c.pcs[i]!]!, thread: i });
    });
    for (const [dev, queue] of o.pending) {
      if (queue.length === 0) continue;
      out.push({ who: `dev:${dev}`, command: { cmd: 'signal', dev }, thread: -1 });
      for (const code of this.scope.failCodes) out.push({ who: `dev:${dev}`, command: { cmd: 'fail', dev, code }, thread: -1 });
    }
    for (const op of c.state.outcome.ops) if (!owned.has(op)) for (const command of this.steps(op, o)) out.push({ who: `op:${op}`, command, thread: -1 });
    return out;
  }

  /** The next step of op `id`, once per answer where the step may call the driver. */
  private steps(id: number, o: Observation): Command[] {
    const op = o.ops.find((x) => x[0] === id);
    const mayUpdate = op !== undefined && op[8] === null && (op[5] === 'start' || op[5] === 'update');
    return mayUpdate ? this.scope.choices.map((choice) => ({ cmd: 'step', op: id, choice })) : [{ cmd: 'step', op: id }];
  }

  /** `a` applied to a copy of `c`'s state: the configuration reached, whether it was blocked, a transition breach. */
  private tryAction(c: Config, a: Action, before: { readonly hi: number; readonly lo: number }): { config: Config; blocked: boolean; breach: Breach | null } {
    const state = this.system.copy(c.state);
    this.transitions++;
    const { results, breach } = this.system.apply(state, a.command);
    const pcs = [...c.pcs];
    const ops = [...c.ops];
    if (a.thread >= 0) {
      const r = results[0];
      if (a.command.cmd !== 'step') {
        pcs[a.thread]! += 1;
        ops[a.thread] = r !== undefined && 'op' in r ? r.op : null;
      } else if (!state.outcome.ops.includes(a.command.op)) ops[a.thread] = null;
    }
    const config: Config = { state, pcs, ops, last: c.last, preemptions: c.preemptions, parent: c, command: a.command };
    if (breach !== null) return { config, blocked: false, breach };
    const after = this.system.fingerprint(state);
    const r = results[0]!;
    const blocked = 'err' in r && r.err === 'EAGAIN' && after.hi === before.hi && after.lo === before.lo && a.command.cmd === 'step';
    return { config, blocked, breach: null };
  }

  /** The checks of a new state, once per state of the worlds. */
  private checkState(c: Config): Breach | null {
    const fp = this.system.fingerprint(c.state);
    const k = `${fp.hi}:${fp.lo}`;
    if (this.checked.has(k)) return null;
    this.checked.add(k);
    return this.system.check(c.state);
  }

  /** The configuration's key: worlds, tracker, each thread's place, who acted last, preemptions used. */
  private key(c: Config): string {
    const fp = this.system.fingerprint(c.state, (sink) => {
      c.pcs.forEach((pc, i) => {
        sink.int(pc);
        const op = c.ops[i];
        if (op === null || op === undefined) sink.nil();
        else sink.int(sink.nameOf('op', op));
      });
      const [kind, id] = c.last.split(':');
      sink.word(kind ?? '');
      if (kind === 'op') sink.int(sink.nameOf('op', Number(id)));
      else sink.int(Number(id ?? 0));
      sink.int(c.preemptions);
    });
    return `${fp.hi}:${fp.lo}`;
  }

  private counterexample(c: Config, breach: Breach, depth: number): ExploreOutcome {
    const commands: Command[] = [...this.scope.setup];
    const schedule: Command[] = [];
    for (let x: Config | null = c; x !== null && x.command !== null; x = x.parent) schedule.push(x.command);
    commands.push(...schedule.reverse());
    const s = this.system.initial();
    const steps: PathStep[] = commands.map((command) => ({ command, result: this.system.apply(s, command).results[0]! }));
    const counterexample: Counterexample = { steps, rule: breach.rule, message: breach.message };
    return { verdict: 'counterexample', stats: this.stats(depth, false), counterexample };
  }

  private stats(depthCompleted: number, exhausted: boolean) {
    const elapsedMs = performance.now() - this.started;
    const states = this.seen.size;
    return {
      states, depthCompleted, newStates: [...this.newStates], transitions: this.transitions, noops: 0, asleep: 0, elapsedMs,
      statesPerSecond: elapsedMs > 0 ? (states / elapsedMs) * 1000 : 0, workers: 1,
      fingerprintCollisionProbability: collisionProbability(states, this.transitions + states), exhausted,
      ...(this.shortest < Infinity ? { shortestSchedule: this.shortest } : {}),
    };
  }
}

export { outcomeOf };
