/**
 * The exploration half of `npm start`, for StrykerJS (`npm run mutation`): the default scope
 * explored in lockstep with the model (every check of `run` in every state and on every
 * transition), breadth-first to depth 5 in this thread. It reaches what the random check does
 * not: the implementation's complete-state key (World.writeState, impl/world/writeState.ts and
 * writeTable.ts) and a clone per transition. Fails on a counterexample, or on a crash.
 */
import { expect, test } from 'vitest';
import { parseScope } from '../../properties/explorer/scope.js';
import { DEFAULT_SCOPE_FILE, readScopeFile } from '../../properties/explorer/scopeFile.js';
import { searchSync } from '../../properties/explorer/search.js';
import { lockstepParts } from '../properties/explorer/helpers.js';

test('the implementation conforms in every state of the default scope to depth 5', () => {
  const scope = parseScope(readScopeFile(DEFAULT_SCOPE_FILE), DEFAULT_SCOPE_FILE);
  const out = searchSync({ scope, parts: lockstepParts(), limits: { maxDepth: 5 }, reduction: true });
  expect(out.verdict === 'counterexample' ? out.counterexample : out.verdict).toBe('bounded');
});
