/**
 * Issue 11: every counterexample the kill matrix finds is 1-minimal. Each mutant that a rule
 * can see is hunted as the matrix hunts it with the rules alone, no model (the default budget
 * of npm start: random runs, then the guided share), and its minimized program is checked by
 * trying each single removal.
 */
import { describe, expect, it } from 'vitest';
import { MUTANTS } from '../../../impl/mutants/index.js';
import { hunt, huntSettings, systemFor } from '../../../properties/mutants/index.js';
import { removableParts } from './oneMinimal.js';

describe('the kill matrix with the rules alone: every counterexample is 1-minimal', () => {
  const settings = huntSettings();
  for (const m of MUTANTS.filter((x) => x.conformanceOnly === undefined)) {
    it(m.name, () => {
      const o = hunt(m.apply, 'rules', settings);
      expect(o.killed).toBe(true);
      expect(removableParts(o.commands, o.failure!, systemFor(m.apply, 'rules', settings.config))).toEqual([]);
    });
  }
});
