/**
 * Issue 11: every counterexample the kill matrix finds is 1-minimal. Each mutant is hunted as
 * the matrix hunts it with the model (the default budget of npm start: random runs, then the
 * guided share), and its minimized program is checked by trying each single removal.
 */
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../../../impl/mutants/index.js';
import { hunt, huntSettings, systemFor } from '../../../properties/mutants/index.js';
import { removableParts } from './oneMinimal.js';

describe('the kill matrix with the model: every counterexample is 1-minimal', () => {
  const settings = huntSettings();
  for (const m of MUTANTS) {
    it(m.name, () => {
      const o = hunt(m.apply, 'conformance', settings);
      expect(o.killed).toBe(true);
      expect(removableParts(o.commands, o.failure!, systemFor(m.apply, 'conformance', settings.config))).toEqual([]);
    });
  }
});
