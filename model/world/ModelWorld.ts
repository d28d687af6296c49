/**
 * The reference world (SPEC §2–§7): every command of SPEC §3 and every step of SPEC §4 on plain
 * records, each entity moved only through its statechart (SPEC §5). Deterministic.
 */
import {
  DEFAULT_CONFIG, MAX_DEVICES, MIN_DEVICES, type Command, type InFlight, type Observation, type Result, type StateSink, type World, type WorldConfig,
} from '../../spec/index.js';
import type { StatechartCoverage } from '../statecharts/catalog.js';
import { read, write } from './commands/access.js';
import { fail, finish, signal, step } from './commands/driveCommands.js';
import { devFault, devRead, devWrite, register, unregister } from './commands/mirrorCommands.js';
import { exit, fork, migrate, reclaim, writeback } from './commands/mmCommands.js';
import { mmap, mprotect, munmap } from './commands/vmaCommands.js';
import { observe } from './observe.js';
import { cloneWorldState } from './cloneState.js';
import { createWorldState, type WorldState } from './state.js';
import { writeState } from './writeState.js';

/** Options of a model world. */
export interface ModelWorldOptions {
  /** Records every statechart state entered and transition taken. */
  readonly coverage?: StatechartCoverage;
}

/** The executable specification: a `World` that follows SPEC.md and spec/INTERPRETATION.md. */
export class ModelWorld implements World {
  private readonly state: WorldState;

  constructor(config: WorldConfig = DEFAULT_CONFIG, options: ModelWorldOptions = {}, state?: WorldState) {
    const { devices } = config;
    if (!Number.isInteger(devices) || devices < MIN_DEVICES || devices > MAX_DEVICES) {
      throw new RangeError(`config.devices must be an integer from ${MIN_DEVICES} to ${MAX_DEVICES}, got ${String(devices)}`);
    }
    this.state = state ?? createWorldState(devices, options.coverage);
  }

  /** Performs one command or step atomically (SPEC §3, §4). */
  apply(command: Command): Result {
    const w = this.state;
    switch (command.cmd) {
      case 'mmap': return mmap(w, command);
      case 'munmap': return munmap(w, command);
      case 'mprotect': return mprotect(w, command);
      case 'read': return read(w, command);
      case 'write': return write(w, command);
      case 'fork': return fork(w, command);
      case 'migrate': return migrate(w, command);
      case 'writeback': return writeback(w, command);
      case 'reclaim': return reclaim(w, command);
      case 'exit': return exit(w, command);
      case 'register': return register(w, command);
      case 'unregister': return unregister(w, command);
      case 'devRead': return devRead(w, command);
      case 'devWrite': return devWrite(w, command);
      case 'devFault': return devFault(w, command);
      case 'signal': return signal(w, command);
      case 'fail': return fail(w, command);
      case 'step': return step(w, command);
      case 'finish': return finish(w, command);
      default: throw new Error(`unknown command ${JSON.stringify(command satisfies never)}`);
    }
  }

  /** The canonical observation of SPEC §7. */
  observe(): Observation {
    return observe(this.state);
  }

  /** An independent copy in the same state (cloneState.ts), recording coverage into the same record. */
  clone(): ModelWorld {
    return new ModelWorld({ devices: this.state.devices.length }, {}, cloneWorldState(this.state));
  }

  /** Ops in flight (the map iterates in id order: ids only grow) and the next mm. */
  inFlight(): InFlight {
    return { ops: [...this.state.ops.keys()], nextMm: this.state.next.mm };
  }

  /** The complete state for the explorer's key (model/world/writeState.ts, spec/stateSink.ts). */
  writeState(sink: StateSink): void {
    writeState(this.state, sink);
  }
}

/** A fresh model world. */
export function createModelWorld(config: WorldConfig = DEFAULT_CONFIG, options: ModelWorldOptions = {}): ModelWorld {
  return new ModelWorld(config, options);
}
