/**
 * The 1-minimal programs: after fast-check's shrinking (or a guided run), a delta-debugging
 * pass over the failing program's commands, with ids as references (symbolicProgram.ts), until
 * removing any single command, or any single step's driver choice, makes the failure go away
 * (sameFailure.ts). Each candidate runs on a fresh system, checked as the run was (lockstep with
 * the model, or the rules alone). Commands after the failing one never matter; a failure that
 * shows only in the end-of-run drain is minimized over the commands before it, then drained.
 */
import type { Command } from '../../spec/index.js';
import type { ConformanceFailure, FailureDetails } from '../runner/failure.js';
import { ddmin } from './ddmin.js';
import { failureOf, needsDrain, sameFailure } from './sameFailure.js';
import { IdLedger, resolveCommand, symbolize, withoutChoice, type Counters, type SymbolicCommand } from './symbolicProgram.js';

/** A system a candidate runs on: the lockstep pair or the implementation alone, fresh per candidate. */
export interface MinimizeSystem {
  apply(command: Command): void;
  drain(): void;
  readonly next: Counters;
}

/** Bounds of the pass. */
export interface MinimizeOptions {
  /** At most this many candidate runs (default 20,000); past it the result is smaller but maybe not 1-minimal. */
  readonly maxTests?: number;
}

/** What the pass gives. */
export interface Minimized {
  /** The failure of the minimal program, as it ran (its transcript is what to print). */
  readonly failure: ConformanceFailure;
  /** The minimal program, as resolved in that run (the drain's commands not included). */
  readonly commands: readonly Command[];
  /** Commands of the program before the pass (up to the failing one). */
  readonly fromLength: number;
  /** Candidate runs performed. */
  readonly tests: number;
  /** False when the test budget ran out first. */
  readonly oneMinimal: boolean;
}

/** Runs a candidate on a fresh system; its failure (if any) and the commands as resolved. */
export function runCandidate(program: readonly SymbolicCommand[], system: MinimizeSystem, drain: boolean): { failure?: ConformanceFailure; commands: Command[] } {
  const ledger = new IdLedger();
  const commands: Command[] = [];
  try {
    for (const s of program) {
      const before = { mm: system.next.mm, op: system.next.op };
      const command = resolveCommand(s, ledger, before);
      commands.push(command);
      system.apply(command);
      ledger.note(s.origin, before, system.next);
    }
    if (drain) system.drain();
  } catch (e) {
    return { failure: failureOf(e), commands };
  }
  return { commands };
}

/**
 * The program with its references, from a run of `commands` on a fresh system (up to the first
 * command that fails, included).
 */
export function symbolicRun(commands: readonly Command[], system: MinimizeSystem): SymbolicCommand[] {
  const counters: [Counters, Counters][] = [];
  for (const c of commands) {
    const before = { mm: system.next.mm, op: system.next.op };
    try {
      system.apply(c);
    } catch (e) {
      failureOf(e);
      counters.push([before, before]);
      break;
    }
    counters.push([before, { mm: system.next.mm, op: system.next.op }]);
  }
  return symbolize(commands.slice(0, counters.length), counters);
}

const keyOf = (p: readonly SymbolicCommand[]): string => p.map((s) => (s.command.cmd === 'step' && s.command.choice !== undefined ? `${s.origin}:${s.command.choice}` : `${s.origin}`)).join(',');

/** Minimizes `failure` (thrown by a run on a system like `fresh()`); returns it unchanged if it does not reproduce. */
export function minimizeFailure(failure: ConformanceFailure, fresh: () => MinimizeSystem, o: MinimizeOptions = {}): Minimized {
  const original: FailureDetails = failure.details;
  const drain = needsDrain(original);
  const upTo = drain ? failure.transcript.length : (original.at ?? failure.transcript.length);
  const start = symbolicRun(failure.transcript.slice(0, upTo).map((e) => e.command), fresh());
  const maxTests = o.maxTests ?? 20_000;
  let tests = 0;
  const cache = new Map<string, boolean>();
  const fails = (p: readonly SymbolicCommand[]): boolean => {
    const key = keyOf(p);
    const known = cache.get(key);
    if (known !== undefined) return known;
    if (tests >= maxTests) return false;
    tests++;
    const f = runCandidate(p, fresh(), drain).failure;
    const verdict = f !== undefined && sameFailure(original, f.details);
    cache.set(key, verdict);
    return verdict;
  };
  if (!fails(start)) return { failure, commands: failure.transcript.map((e) => e.command), fromLength: upTo, tests, oneMinimal: false };
  let program = start;
  for (;;) {
    program = ddmin(program, fails);
    const before = program;
    for (let i = 0; i < program.length; i++) {
      const plain = withoutChoice(program[i]!);
      if (plain === undefined) continue;
      const candidate = program.map((s, j) => (j === i ? plain : s));
      if (fails(candidate)) program = candidate;
    }
    if (program === before) break;
  }
  const final = runCandidate(program, fresh(), drain);
  return { failure: final.failure!, commands: final.commands.slice(0, program.length), fromLength: upTo, tests, oneMinimal: tests < maxTests };
}
