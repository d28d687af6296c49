/**
 * The explorer's parts around one transition: observations compared without a key
 * (sameObservation.ts), the commands tried in a state (enumerate.ts `ScopeCommands`), and the
 * memoryIsMemory tracker's remembered steps (memorySteps.ts), which must give what feeding the
 * tracker gives and leave the tracker they start from untouched.
 */
import { describe, expect, it } from 'vitest';
import { canonicalObservation, type Command, type Observation } from '../../../spec/index.js';
import { createImplWorld } from '../../../impl/index.js';
import { ScopeCommands } from '../../../properties/explorer/enumerate.js';
import { MemorySteps } from '../../../properties/explorer/memorySteps.js';
import { sameObservation } from '../../../properties/explorer/sameObservation.js';
import { DEFAULT_SCOPE } from '../../../properties/explorer/scope.js';
import { MemoryIsMemory } from '../../../properties/rules/index.js';
import { rng } from '../../impl/rng.js';

/** Observations along random walks over the default scope. */
function walkObservations(seed: number, walks: number, length: number): Observation[] {
  const rand = rng(seed);
  const commands = new ScopeCommands(DEFAULT_SCOPE);
  const out: Observation[] = [];
  for (let w = 0; w < walks; w++) {
    const world = createImplWorld({ devices: DEFAULT_SCOPE.devices }, w % 2 === 0 ? undefined : { mutant: 'fenceUnrefTwice' });
    for (let i = 0; i < length; i++) {
      const choices = commands.inState(world.observe().ops.map((op) => op[0]));
      world.apply(choices[rand(choices.length)]!);
      out.push(world.observe());
    }
  }
  return out;
}

describe('sameObservation', () => {
  it('agrees with comparing canonical texts', () => {
    const observations = walkObservations(5, 60, 12);
    const rand = rng(9);
    let same = 0;
    for (let i = 0; i < observations.length; i++) {
      const a = observations[i]!;
      // A neighbour (often equal: refusals change nothing) and a random other.
      for (const b of [observations[i + 1] ?? a, observations[rand(observations.length)]!, JSON.parse(JSON.stringify(a)) as Observation]) {
        const expected = canonicalObservation(a) === canonicalObservation(b);
        expect(sameObservation(a, b)).toBe(expected);
        if (expected) same++;
      }
    }
    expect(same).toBeGreaterThan(observations.length);
  });
});

describe('ScopeCommands', () => {
  it('gives the fixed commands, then a step per op and driver answer, each one object throughout', () => {
    const commands = new ScopeCommands(DEFAULT_SCOPE);
    const steps = (op: number): Command[] => DEFAULT_SCOPE.choices.map((choice) => ({ cmd: 'step', op, choice }));
    expect(commands.inState([])).toBe(commands.fixed);
    expect(commands.inState([2, 5])).toEqual([...commands.fixed, ...steps(2), ...steps(5)]);
    // The same command is the same object in every state (memorySteps.ts tells commands by identity).
    const a = commands.inState([2, 5]);
    const b = commands.inState([5]);
    expect(b[b.length - 1]).toBe(a[a.length - 1]);
    expect(b[0]).toBe(a[0]);
  });
});

describe('MemorySteps', () => {
  it('gives what feeding the tracker gives, remembered or not, and changes no tracker', () => {
    const rand = rng(3);
    const commands = new ScopeCommands(DEFAULT_SCOPE);
    const steps = new MemorySteps();
    for (let w = 0; w < 40; w++) {
      const world = createImplWorld({ devices: DEFAULT_SCOPE.devices });
      let tracker = new MemoryIsMemory();
      let o = world.observe();
      for (let i = 0; i < 12; i++) {
        const c: Command = commands.inState(o.ops.map((op) => op[0]))[rand(40)] ?? commands.fixed[0]!;
        const r = world.apply(c);
        const after = world.observe();
        const before = tracker.snapshot();
        const fed = tracker.clone();
        const breaches = fed.after(c, r, after);
        const step = steps.advance(tracker, before, o.ops.map((op) => op[0]), o.next.mm, c, r, after);
        expect(tracker.snapshot()).toBe(before);
        expect(step.breaches).toEqual(breaches);
        // null: the state did not change; else the tracker after, and its snapshot.
        if (step.next === null) expect(fed.snapshot()).toBe(before);
        else expect([step.next.snapshot(), step.text]).toEqual([fed.snapshot(), fed.snapshot()]);
        if (step.next !== null) expect(step.text).not.toBe(before);
        tracker = (step.next ?? tracker) as MemoryIsMemory;
        o = after;
      }
    }
  });
});
