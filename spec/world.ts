/**
 * The `World` interface (SPEC §3, §7): what the model and the implementation both implement,
 * and what traces, the conformance runner and the explorer drive.
 */
import type { Command } from './command.js';
import type { Observation, ObservationPart } from './observation.js';
import type { Result } from './result.js';
import type { StateSink } from './stateSink.js';

/** The configuration of SPEC §1: the only setting is the number of devices. */
export interface WorldConfig {
  /** Devices 0..devices-1; 1 to 8, default 2. */
  readonly devices: number;
}

export const DEFAULT_CONFIG: WorldConfig = { devices: 2 };
export const MIN_DEVICES = 1;
export const MAX_DEVICES = 8;

export function isWorldConfig(c: WorldConfig): boolean {
  return Number.isSafeInteger(c.devices) && c.devices >= MIN_DEVICES && c.devices <= MAX_DEVICES;
}

export interface World {
  /** Performs one command (SPEC §3) or one step (SPEC §4) atomically and gives its result. */
  apply(command: Command): Result;
  /** The canonical observation of SPEC §7. It may cost O(state). */
  observe(): Observation;
  /**
   * Structural self-check of the world's own data structures (the implementation's page
   * tables and pools): one message per breach, empty when sound. Optional; the model has none.
   */
  checkStructure?(): readonly string[];
  /**
   * The parts of the observation `observe()` reports, when not all (an implementation behind the
   * process protocol may report a subset, docs/protocol.md): only these are compared, and only
   * the rules reading nothing else are checked on it. Absent: every part.
   */
  readonly observes?: readonly ObservationPart[];
  /**
   * An independent copy in the same state, which evolves as the original would under the same
   * commands (the explorer's states, the guided generator's kept runs). Optional; the model and
   * the implementation have one.
   */
  clone?(): World;
  /**
   * Writes the world's complete state into `sink` (spec/stateSink.ts): everything its future
   * results and observations depend on, hidden fields included, with pfns and mirror, op and
   * fence ids through the sink's renaming. Two worlds of one kind that write the same tokens
   * must give the same results and observations, up to that renaming, under any commands.
   * Optional: the explorer's lockstep keys need it; both the model and the implementation
   * have it.
   */
  writeState?(sink: StateSink): void;
  /**
   * The ops in flight (ids ascending, as `observe().ops` lists them) and `next.mm`, without
   * building the observation. Optional: the explorer reads them after every command (the
   * commands it tries next and the memoryIsMemory history in its keys depend on them) and
   * observes the world when a world has no `inFlight`.
   */
  inFlight?(): InFlight;
}

/** What `World.inFlight` gives. */
export interface InFlight {
  readonly ops: readonly number[];
  readonly nextMm: number;
}

/** Builds a fresh world. */
export type WorldFactory = (config: WorldConfig) => World;
