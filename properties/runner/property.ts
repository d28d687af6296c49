/**
 * The conformance property: for a generated command sequence (and, in swarm mode, a set of
 * command kinds left out of the run, as Hypothesis's swarm testing does), run the model and the
 * implementation in lockstep with `fc.modelRun`, then drain (SPEC §6 `drainable`). A fresh
 * `fc.commands` arbitrary is built per property, as replaying a shrunk sequence requires.
 */
import fc from 'fast-check';
import { COMMAND_NAMES, type CommandName, type WorldConfig } from '../../spec/index.js';
import { commandArbitrary, Tracker, type GenerationScope, type IndexedCommand } from '../commands/index.js';
import { Lockstep } from './lockstep.js';
import type { ConformanceParts } from './ports.js';

/** What the property needs besides the parts. */
export interface PropertySettings {
  readonly config: WorldConfig;
  readonly scope: GenerationScope;
  readonly steps: number;
  readonly swarm: boolean;
  /** fast-check's replay path of a shrunk sequence (with `seed` and `path`). */
  readonly replayPath?: string;
  /** Called after every run, passing or not, with the commands it applied. */
  readonly onRun?: (commands: number) => void;
}

/** The property's arguments: kinds left out, and the commands. */
export type PropertyArgs = [leftOut: CommandName[], commands: Iterable<IndexedCommand>];

/** A fresh lockstep pair of `parts` (every run, and every candidate of the minimizer, starts from one). */
export function lockstepOf(parts: ConformanceParts, config: WorldConfig): Lockstep {
  return new Lockstep(parts.model(config), parts.impl(config), parts.rules, parts.memory?.());
}

/** Builds the conformance property. */
export function conformanceProperty(parts: ConformanceParts, s: PropertySettings): fc.IPropertyWithHooks<PropertyArgs> {
  const leftOut = s.swarm ? fc.subarray([...COMMAND_NAMES]) : fc.constant<CommandName[]>([]);
  const constraints = { maxCommands: s.steps, size: 'max' as const, ...(s.replayPath === undefined ? {} : { replayPath: s.replayPath }) };
  const commands = fc.commands([commandArbitrary(s.scope)], constraints) as fc.Arbitrary<Iterable<IndexedCommand>>;
  return fc.property(leftOut, commands, (kinds, cmds) => {
    const lockstep = parts.lockstep?.(s.config, { leftOut: kinds, commands: cmds }) ?? lockstepOf(parts, s.config);
    try {
      fc.modelRun(() => ({ model: new Tracker(new Set(kinds)), real: lockstep }), cmds);
      lockstep.drain();
    } finally {
      s.onRun?.(lockstep.transcript.length);
    }
  });
}
