/**
 * ImplWorld: the optimized implementation of SPEC.md behind the `World` interface. Commands are
 * dispatched to cpuCommands / devCommands; HMM behaviour is bound through the ops table
 * (`options.ops` replaces entries of `defaultOps`, for mutants). `clone` and `copyFrom` copy a
 * world's state.
 */
import type { Command, InFlight, Observation, Result, StateSink, World, WorldConfig } from '../../spec/index.js';
import { DEFAULT_CONFIG, err, isWorldConfig } from '../../spec/index.js';
import { bindOps, type HmmOps } from '../hmm/ops.js';
import { mutantByName } from '../mutants/index.js';
import { cloneCore } from './cloneCore.js';
import { Core } from './core.js';
import * as cpu from './cpuCommands.js';
import * as dev from './devCommands.js';
import { observe } from './observe.js';
import { StructureCheck } from './structureCheck.js';
import { writeState } from './writeState.js';

export interface ImplOptions {
  /** Entries of the HMM ops table to replace (mutants); the rest stay `defaultOps`. */
  readonly ops?: Partial<HmmOps>;
  /** A named mutant of `impl/mutants` (its entries first, then `ops` on top); unknown: RangeError. */
  readonly mutant?: string;
}

/** The overrides the options ask for, a named mutant's resolved at construction. */
function overridesOf(options: ImplOptions | undefined): Partial<HmmOps> | undefined {
  if (options?.mutant === undefined) return options?.ops;
  const mutant = mutantByName(options.mutant);
  if (mutant === undefined) throw new RangeError(`ImplWorld: unknown mutant '${options.mutant}'`);
  return { ...mutant.apply.ops, ...options.ops };
}

export class ImplWorld implements World {
  /** The world's state; exposed for benches and white-box tests. Replaced by `copyFrom`. */
  core: Core;
  /** What the structure check remembers of `core` (not part of the world's state; a copy starts afresh). */
  #structure = new StructureCheck();

  /** A new world; or, given a `Core`, the world over that state (`clone`). */
  constructor(config: WorldConfig | Core = DEFAULT_CONFIG, options?: ImplOptions) {
    if (config instanceof Core) {
      this.core = config;
      return;
    }
    if (!isWorldConfig(config)) {
      throw new RangeError(`ImplWorld: config.devices must be an integer from 1 to 8, got ${String(config.devices)}`);
    }
    this.core = new Core(config.devices, bindOps(overridesOf(options)));
  }

  /**
   * An independent copy of this world in its current state, with the same ops table (the same
   * mutant): both give the same results and observations under the same commands, and changing
   * one leaves the other as it was (world/cloneCore.ts). The explorer branches states with it.
   */
  clone(): ImplWorld {
    return new ImplWorld(cloneCore(this.core));
  }

  /**
   * Makes this world a copy of `other` in its current state, as `clone` would give, with
   * `other`'s ops table (its mutant): this world's own state is dropped and its arrays are
   * reused for the copy. The explorer recycles a world it is done with this way.
   */
  copyFrom(other: ImplWorld): void {
    if (other === this) return;
    this.core = cloneCore(other.core, this.core);
    this.#structure = new StructureCheck();
  }

  apply(c: Command): Result {
    const core = this.core;
    switch (c.cmd) {
      case 'devRead': return dev.devRead(core, c);
      case 'devWrite': return dev.devWrite(core, c);
      case 'read': return cpu.read(core, c);
      case 'write': return cpu.write(core, c);
      case 'step': return dev.step(core, c);
      case 'finish': return dev.finish(core, c);
      case 'devFault': return dev.devFault(core, c);
      case 'mmap': return cpu.mmap(core, c);
      case 'munmap': return cpu.munmap(core, c);
      case 'mprotect': return cpu.mprotect(core, c);
      case 'fork': return cpu.fork(core, c);
      case 'migrate': case 'writeback': case 'reclaim': return cpu.rangeOp(core, c);
      case 'exit': return cpu.exit(core, c);
      case 'register': return dev.register(core, c);
      case 'unregister': return dev.unregister(core, c);
      case 'signal': return dev.signal(core, c);
      case 'fail': return dev.fail(core, c);
      default: return err('EINVAL');
    }
  }

  observe(): Observation {
    return observe(this.core);
  }

  /**
   * The structural self-check: tables sound, pool accounting exact, per-mm sets consistent. The
   * first call walks the whole world; later ones what changed since (world/structureCheck.ts).
   */
  checkStructure(): readonly string[] {
    return this.#structure.check(this.core);
  }

  /** Directories the last `checkStructure` walked: its cost (tests and benches). */
  get structureWalked(): number {
    return this.#structure.walked;
  }

  /** Ops in flight (the op map is in id order, as observe() relies on) and the next mm. */
  inFlight(): InFlight {
    return { ops: [...this.core.ops.keys()], nextMm: this.core.mms.length };
  }

  /** The complete state for the explorer's key, hidden fields included (world/writeState.ts). */
  writeState(sink: StateSink): void {
    writeState(this.core, sink);
  }
}

export function createImplWorld(config?: WorldConfig, options?: ImplOptions): ImplWorld {
  return new ImplWorld(config, options);
}
