/**
 * The one weighted arbitrary of all commands, given to `fc.commands` (which draws uniformly
 * among the arbitraries it is given, so the weights live in one `fc.oneof`).
 */
import fc from 'fast-check';
import { COMMAND_NAMES } from '../../spec/index.js';
import { COMMAND_CATALOG } from './catalog.js';
import type { IndexedCommand } from './indexedCommand.js';
import type { GenerationScope } from './scope.js';

/** Every command kind, drawn by the catalog's weights. */
export function commandArbitrary(s: GenerationScope): fc.Arbitrary<IndexedCommand> {
  return fc.oneof(...COMMAND_NAMES.map((name) => ({ arbitrary: COMMAND_CATALOG[name].build(s), weight: COMMAND_CATALOG[name].weight })));
}
