/**
 * Rule `drainable` (SPEC §6, liveness): at the end of a run, repeat rounds (signal each device
 * until its queue is empty; `finish` each op in flight at the start of the round, in id order)
 * until no op is in flight, at most 100 rounds; then no fence remains and every rule holds.
 *
 * The round generator (`drainRound`) is apart from the loop (`drain`) so the conformance
 * runner can drive several worlds in lockstep: compute a round from one observation, apply it
 * to each world, compare.
 */
import type { Command, Observation, Result, World } from '../../spec/index.js';
import { checkRules } from './rules.js';

/** SPEC §6: drain gives up after this many rounds. */
export const DRAIN_MAX_ROUNDS = 100;

/** The commands of one round, computed from the observation at its start. */
export function drainRound(o: Observation): Command[] {
  const commands: Command[] = [];
  for (const [dev, queue] of o.pending) for (let i = 0; i < queue.length; i++) commands.push({ cmd: 'signal', dev });
  const ops = o.ops.map((op) => op[0]).sort((a, b) => a - b);
  for (const op of ops) commands.push({ cmd: 'finish', op });
  return commands;
}

/** True when no op is in flight: draining stops. */
export function isDrained(o: Observation): boolean {
  return o.ops.length === 0;
}

/**
 * The drain loop for a system that applies commands itself (the lockstep pair, the
 * implementation alone): rounds from the current observation, applied through `apply`, until no
 * op is in flight or DRAIN_MAX_ROUNDS rounds.
 */
export function drainThrough(current: () => Observation, apply: (command: Command) => void): void {
  for (let round = 0; round < DRAIN_MAX_ROUNDS && !isDrained(current()); round++) {
    for (const command of drainRound(current())) apply(command);
  }
}

/** What a drain left behind, one line each: ops in flight, pending invalidations, fences not freed. */
export function leftInFlight(o: Observation): string[] {
  return [
    ...o.ops.map((op) => `op ${op[0]} (${op[1]}, phase ${op[5]}) still in flight`),
    ...o.pending.flatMap(([dev, queue]) => queue.map((e) => `fence ${e[0]} still pending on dev ${dev}`)),
    ...o.fences.map((f) => `fence ${f[0]} (${f[4]}) not freed`),
  ];
}

/** What `drain` did. */
export interface DrainOutcome {
  readonly drained: boolean;
  readonly rounds: number;
  readonly commands: readonly { readonly command: Command; readonly result: Result }[];
}

/** Drives one world with `drainRound` until no op is in flight, at most `maxRounds` rounds. */
export function drain(world: World, maxRounds = DRAIN_MAX_ROUNDS): DrainOutcome {
  const commands: { command: Command; result: Result }[] = [];
  let rounds = 0;
  for (let o = world.observe(); !isDrained(o); o = world.observe()) {
    if (rounds >= maxRounds) return { drained: false, rounds, commands };
    for (const command of drainRound(o)) commands.push({ command, result: world.apply(command) });
    rounds++;
  }
  return { drained: true, rounds, commands };
}

/** The breaches of `drainable` in the observation after draining: ops left, fences left, rules. */
export function checkDrained(o: Observation, rounds = DRAIN_MAX_ROUNDS): string[] {
  const out: string[] = [];
  for (const [op, kind, mm, , , phase] of o.ops) out.push(`op ${op} (${kind} of mm ${mm}, phase ${phase}) still in flight after ${rounds} drain rounds`);
  for (const [fence, dev, mirror, op, state] of o.fences) out.push(`fence ${fence} (dev ${dev}, mirror ${mirror}, op ${op}, ${state}) remains after draining`);
  for (const { rule, message } of checkRules(o)) out.push(`${rule}: ${message}`);
  return out;
}
