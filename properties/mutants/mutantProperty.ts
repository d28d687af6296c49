/**
 * The property that hunts one mutant: the same shape as the conformance property
 * (properties/runner/property.ts: kinds left out, then the commands), so a seed generates the
 * same runs as `npm start`; the system under test is either the lockstep pair (conformance) or
 * the implementation alone (rules alone). It notes when the first failure happened (before
 * shrinking), the time to kill.
 */
import fc from 'fast-check';
import type { CommandName } from '../../spec/index.js';
import { commandArbitrary, Tracker, type CommandSystem, type GenerationScope, type IndexedCommand } from '../commands/index.js';

/** A system that can be driven, then drained (Lockstep, RulesAlone). */
export interface DrainableSystem extends CommandSystem {
  drain(): void;
}

/** What the property needs. */
export interface MutantPropertySettings {
  readonly scope: GenerationScope;
  readonly steps: number;
  /** Command kinds never generated (the explorer's scope leaves some out). */
  readonly leftOut: readonly CommandName[];
  /** A fresh system per run. */
  readonly system: () => DrainableSystem;
}

/** When the first failing run ended (ms since `started`), undefined until one fails. */
export class FirstFailure {
  private readonly started = performance.now();
  ms: number | undefined;

  note(): void {
    this.ms ??= performance.now() - this.started;
  }
}

/** The property; `first` records the first failure. */
export function mutantProperty(s: MutantPropertySettings, first: FirstFailure): fc.IPropertyWithHooks<[CommandName[], Iterable<IndexedCommand>]> {
  const commands = fc.commands([commandArbitrary(s.scope)], { maxCommands: s.steps, size: 'max' }) as fc.Arbitrary<Iterable<IndexedCommand>>;
  return fc.property(fc.constant<CommandName[]>([...s.leftOut]), commands, (kinds, cmds) => {
    const system = s.system();
    try {
      fc.modelRun(() => ({ model: new Tracker(new Set(kinds)), real: system }), cmds);
      system.drain();
    } catch (e) {
      first.note();
      throw e;
    }
  });
}
