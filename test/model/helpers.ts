/** Test helpers for the model: a world, commands in a row, and observation slices (SPEC §7). */
import { expect } from 'vitest';
import type { Command, Observation, Result } from '../../spec/index.js';
import { createModelWorld, type ModelWorld } from '../../model/index.js';

/** A fresh model world with `devices` devices. */
export function world(devices = 2): ModelWorld {
  return createModelWorld({ devices });
}

/** Applies each command and expects every result to be `{ok:…}` or `{op:…}`. */
export function setup(w: ModelWorld, ...commands: Command[]): Result[] {
  return commands.map((c) => {
    const r = w.apply(c);
    expect(r, JSON.stringify(c)).not.toHaveProperty('err');
    return r;
  });
}

/** Applies `command` and expects `result`. */
export function expectResult(w: ModelWorld, command: Command, result: Result): void {
  expect(w.apply(command), JSON.stringify(command)).toEqual(result);
}

/** Expects `command` to be refused with `code` and to change nothing. */
export function expectRefused(w: ModelWorld, command: Command, code: string): void {
  const before: Observation = w.observe();
  expect(w.apply(command), JSON.stringify(command)).toEqual({ err: code });
  expect(w.observe()).toEqual(before);
}

/** The observed mm `id`. */
export function mmObs(w: ModelWorld, id: number) {
  return w.observe().mms.find((m) => m[0] === id);
}
