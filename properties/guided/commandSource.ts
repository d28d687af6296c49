/**
 * New commands for the guided loop, drawn from the same weighted arbitraries as fast-check's
 * random runs (properties/commands), in batches through `fc.sample` seeded from the loop's
 * generator: the guided loop inserts exactly the commands a random run could have made.
 */
import fc from 'fast-check';
import { COMMAND_CATALOG, commandArbitrary, type GenerationScope, type IndexedCommand } from '../commands/index.js';
import type { Rng } from './rng.js';

const BATCH = 128;

/** Draws commands (any kind, by the catalog's weights) and steps. */
export class CommandSource {
  private readonly any: fc.Arbitrary<IndexedCommand>;
  private readonly step: fc.Arbitrary<IndexedCommand>;
  private anyBuffer: IndexedCommand[] = [];
  private stepBuffer: IndexedCommand[] = [];

  constructor(scope: GenerationScope, private readonly rng: Rng) {
    this.any = commandArbitrary(scope);
    this.step = COMMAND_CATALOG.step.build(scope);
  }

  /** A command of any kind. */
  command(): IndexedCommand {
    if (this.anyBuffer.length === 0) this.anyBuffer = this.refill(this.any);
    return this.anyBuffer.pop()!;
  }

  /** A `step` of a recent op with a driver answer. */
  stepCommand(): IndexedCommand {
    if (this.stepBuffer.length === 0) this.stepBuffer = this.refill(this.step);
    return this.stepBuffer.pop()!;
  }

  /** `n` commands of any kind. */
  sequence(n: number): IndexedCommand[] {
    return Array.from({ length: n }, () => this.command());
  }

  private refill(arb: fc.Arbitrary<IndexedCommand>): IndexedCommand[] {
    return fc.sample(arb, { seed: this.rng.next() | 0, numRuns: BATCH });
  }
}
