/**
 * The system the explorer explores: the worlds it drives with the same commands (the model
 * and the implementation in lockstep, or one world checked by the rules alone with
 * `--rules-only`) and the memoryIsMemory tracker. A state is one world of each part and the
 * tracker; its key is the fingerprint of all their complete states (`fingerprint.ts`).
 *
 * What is checked, as `hmm-check run` checks it (properties/runner/lockstep.ts):
 * - on every transition: each world's result (all equal), no world throwing, memoryIsMemory;
 * - on every new state (a state seen before, up to renaming, had them checked): the
 *   observations (SPEC §7, all equal), every rule of `rules` (SPEC §6) on the observation, and
 *   each world's `checkStructure` (rule `ptStructure`).
 */
import { formatResult, sameObservation, sameResult, type Command, type Observation, type Result, type StateSink, type World, type WorldFactory } from '../../spec/index.js';
import { formatCommand } from '../commands/format.js';
import type { Rule } from '../rules/rule.js';
import { PT_STRUCTURE } from '../runner/lockstep.js';
import { Fingerprinter, type Fingerprint } from './fingerprint.js';
import { writeMemory } from './memoryKey.js';
import { MemorySteps, type MemoryOracle, type Outcome } from './memorySteps.js';

/** One world of the system. */
export interface Part {
  /** `model`, `impl`, `impl (mutant NAME)`. */
  readonly name: string;
  readonly factory: WorldFactory;
}

/** What a system is made of. */
export interface SystemParts {
  /** In lockstep, model first: the first world's observation drives the tracker. */
  readonly parts: readonly Part[];
  readonly rules: readonly Rule[];
  readonly memory: () => MemoryOracle;
}

/** One state: a world per part, the tracker, and what the tracker and the commands read. */
export interface SystemState {
  readonly worlds: World[];
  memory: MemoryOracle;
  memoryText: string;
  /** Ops in flight (ascending) and next.mm. */
  outcome: Outcome;
}

/** A breach: the rule (or `results`, `observation`, `crash`, `memoryIsMemory`) and its message. */
export interface Breach {
  readonly rule: string;
  readonly message: string;
}

/** The worlds, the checks and the key of one exploration (one per worker). */
export class System {
  private readonly fingerprinter: Fingerprinter;
  private readonly memorySteps = new MemorySteps();

  /** `symmetricDevices`: the key renames devices too (the scope treats every device alike). */
  constructor(readonly parts: SystemParts, private readonly devices: number, symmetricDevices = false) {
    this.fingerprinter = new Fingerprinter(symmetricDevices);
  }

  /** The initial state. */
  initial(): SystemState {
    const worlds = this.parts.parts.map((p) => p.factory({ devices: this.devices }));
    for (const w of worlds) if (typeof w.clone !== 'function' || typeof w.writeState !== 'function') throw new Error('explorer: every world must offer clone() and writeState()');
    const memory = this.parts.memory();
    const s: SystemState = { worlds, memory, memoryText: memory.snapshot(), outcome: { ops: [], nextMm: 1 } };
    s.outcome = outcomeAfter(s);
    return s;
  }

  /** An independent copy of `s`, built in `spare`'s storage when given (nothing may use `spare` after). */
  copy(s: SystemState, spare?: SystemState): SystemState {
    const worlds = s.worlds.map((w, i) => copyWorld(w, spare?.worlds[i]));
    return { worlds, memory: s.memory, memoryText: s.memoryText, outcome: s.outcome };
  }

  /**
   * Applies `command` to every world of `s` (changing them) and advances the tracker: the
   * results, and the first transition breach (differing results, a world throwing, memoryIsMemory).
   */
  apply(s: SystemState, command: Command): { readonly results: Result[]; readonly breach: Breach | null } {
    const results: Result[] = [];
    for (let i = 0; i < s.worlds.length; i++) {
      try {
        results.push(s.worlds[i]!.apply(command));
      } catch (e) {
        return { results, breach: { rule: 'crash', message: `${this.parts.parts[i]!.name} threw at ${formatCommand(command)}: ${reason(e)}` } };
      }
    }
    const result = results[0]!;
    for (let i = 1; i < results.length; i++) {
      if (!sameResult(result, results[i]!)) {
        const said = results.map((r, j) => `${this.parts.parts[j]!.name} ${formatResult(r)}`).join(', ');
        return { results, breach: { rule: 'results', message: `results differ at ${formatCommand(command)}: ${said}` } };
      }
    }
    if (isRefusal(command, result)) return { results, breach: null };
    const before = s.outcome;
    const after = outcomeAfter(s);
    const step = this.memorySteps.advance(s.memory, s.memoryText, before, command, result, after);
    s.outcome = after;
    if (step.next !== null) {
      s.memory = step.next;
      s.memoryText = step.text;
    }
    const breach = step.breaches.length > 0 ? { rule: 'memoryIsMemory', message: step.breaches[0]! } : null;
    return { results, breach };
  }

  /** The fingerprint of `s`: every world's complete state, then the tracker's, then what `extra` writes. */
  fingerprint(s: SystemState, extra?: (sink: StateSink) => void): Fingerprint {
    const f = this.fingerprinter;
    f.begin();
    for (const w of s.worlds) {
      w.writeState!(f);
      f.nextWorld();
    }
    writeMemory(f, s.memoryText);
    extra?.(f);
    return { hi: f.hi, lo: f.lo };
  }

  /** The checks of a new state: observations equal, every rule, every structure check; the first breach or null. */
  check(s: SystemState): Breach | null {
    let first: Observation | undefined;
    for (let i = 0; i < s.worlds.length; i++) {
      const name = this.parts.parts[i]!.name;
      let o: Observation;
      try {
        o = s.worlds[i]!.observe();
      } catch (e) {
        return { rule: 'crash', message: `${name} observe() threw: ${reason(e)}` };
      }
      if (first === undefined) first = o;
      else if (!sameObservation(first, o)) {
        return { rule: 'observation', message: `observations differ: ${this.parts.parts[0]!.name} and ${name}` };
      }
    }
    for (const rule of this.parts.rules) {
      const broken = rule.check(first!);
      if (broken.length > 0) return { rule: rule.id, message: broken[0]! };
    }
    for (const w of s.worlds) {
      const broken = w.checkStructure?.() ?? [];
      if (broken.length > 0) return { rule: PT_STRUCTURE, message: broken[0]! };
    }
    return null;
  }
}

/** Ops in flight and next.mm of an observation. */
export function outcomeOf(o: Observation): Outcome {
  return { ops: o.ops.map((op) => op[0]), nextMm: o.next.mm };
}


/**
 * What the tracker and the next commands read after `command`: the first world's ops in flight
 * and next mm (`World.inFlight`, or its observation when it has none).
 */
function outcomeAfter(s: SystemState): Outcome {
  const w = s.worlds[0]!;
  return w.inFlight?.() ?? outcomeOf(w.observe());
}

interface Copyable extends World {
  clone(): World;
  copyFrom?(other: World): void;
}

function copyWorld(w: World, spare: World | undefined): World {
  const c = w as Copyable;
  if (spare !== undefined && spare !== w && typeof (spare as Copyable).copyFrom === 'function') {
    (spare as Copyable).copyFrom!(w);
    return spare;
  }
  return c.clone();
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * A command other than `step`/`finish` that every world answered with an error is refused
 * (SPEC §3 order of checks, steps (1)–(4)) and "changes nothing": both worlds make their checks
 * before they change anything (model/world/commands, impl/world/*Commands.ts), and mutants only
 * replace HMM steps, which no refusal reaches. So it is a no-op without computing a key, and
 * the memoryIsMemory tracker records nothing for it (no value written, no op ended);
 * test/properties/explorer/refusals.test.ts checks the claim on random states, mutants included.
 * (An error from `step`/`finish` may end an op: those get a key.)
 */
export function isRefusal(command: Command, result: Result): boolean {
  return 'err' in result && command.cmd !== 'step' && command.cmd !== 'finish';
}
