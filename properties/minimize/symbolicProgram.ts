/**
 * A program (SPEC §8 trace commands) with its ids as references, so that commands can be dropped
 * and the rest still name the same things (the "ids renumbered"). Ids are counters that
 * never reuse a value (SPEC §1): when a command is dropped, every mm and op handed out after it
 * shifts. Commands name two kinds of ids, `mm` and `op` (mirrors are named by `(dev, mm)`,
 * fences by their device's queue; pfns and the rest appear only in results and observations,
 * which a replay recomputes). Each id a command names becomes:
 * - `{by, nth}`: the nth id of its counter handed out while command `by` ran (the op a `devRead`
 *   created, the child mm a fork's last step made); `by = -1` is the world's initial mm 0;
 * - `{fresh}`: an id not handed out yet when the command ran (next counter + fresh), as a
 *   generated command naming an unknown mm or op (ESRCH, ENOENT);
 * - `{literal}`: a value that is no id at all (negative, not an integer: EINVAL).
 * Resolving a candidate re-runs it, noting which ids each command hands out; a reference to a
 * command that is gone, or that handed out fewer ids this time, names an id not handed out yet.
 */
import type { Command } from '../../spec/index.js';

/** How a command names an id. */
export type IdRef = { readonly by: number; readonly nth: number } | { readonly fresh: number } | { readonly literal: number };

/** A command of the program with its ids as references. */
export interface SymbolicCommand {
  /** Its index in the program it came from: its identity while others are dropped. */
  readonly origin: number;
  /** The command as it ran in that program. */
  readonly command: Command;
  readonly mm?: IdRef;
  readonly op?: IdRef;
}

/** The mm and op counters (SPEC §7 `next.mm`, `next.op`). */
export interface Counters {
  readonly mm: number;
  readonly op: number;
}

/** Which ids each command (by origin) handed out in one run. */
export class IdLedger {
  private readonly mms = new Map<number, number[]>([[-1, [0]]]);
  private readonly ops = new Map<number, number[]>();

  /** Notes the ids handed out between `before` and `after` by the command `origin`. */
  note(origin: number, before: Counters, after: Counters): void {
    const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
    this.mms.set(origin, range(before.mm, after.mm));
    this.ops.set(origin, range(before.op, after.op));
  }

  /** The id `ref` names now, given the counter's next value. */
  resolve(ref: IdRef, kind: 'mm' | 'op', next: number): number {
    if ('literal' in ref) return ref.literal;
    if ('fresh' in ref) return next + ref.fresh;
    return (kind === 'mm' ? this.mms : this.ops).get(ref.by)?.[ref.nth] ?? next;
  }
}

/** The reference for id `v` of a counter that starts at `first`, given who handed out what. */
function refOf(v: number, first: number, next: number, handed: readonly { origin: number; from: number; to: number }[]): IdRef {
  if (!Number.isSafeInteger(v) || v < first) return { literal: v };
  if (v >= next) return { fresh: v - next };
  const by = handed.find((h) => h.from <= v && v < h.to);
  return by === undefined ? { by: -1, nth: v } : { by: by.origin, nth: v - by.from };
}

/**
 * The program with references, from the commands and the counters before and after each in the
 * run they came from (`counters[i]` = `[before, after]` of command i).
 */
export function symbolize(commands: readonly Command[], counters: readonly (readonly [Counters, Counters])[]): SymbolicCommand[] {
  const mms: { origin: number; from: number; to: number }[] = [];
  const ops: { origin: number; from: number; to: number }[] = [];
  return commands.map((command, origin) => {
    const [before, after] = counters[origin]!;
    const out: { origin: number; command: Command; mm?: IdRef; op?: IdRef } = { origin, command };
    if ('mm' in command) out.mm = refOf(command.mm, 0, before.mm, mms);
    if ('op' in command) out.op = refOf(command.op, 1, before.op, ops);
    if (after.mm > before.mm) mms.push({ origin, from: before.mm, to: after.mm });
    if (after.op > before.op) ops.push({ origin, from: before.op, to: after.op });
    return out;
  });
}

/** The command with its references resolved against the ledger of the run so far. */
export function resolveCommand(s: SymbolicCommand, ledger: IdLedger, next: Counters): Command {
  let c: Command = s.command;
  if (s.mm !== undefined && 'mm' in c) c = { ...c, mm: ledger.resolve(s.mm, 'mm', next.mm) };
  if (s.op !== undefined && 'op' in c) c = { ...c, op: ledger.resolve(s.op, 'op', next.op) };
  return c;
}

/** The same command without its step's driver choice (`step(op)` answers `sync`), or undefined when it has none. */
export function withoutChoice(s: SymbolicCommand): SymbolicCommand | undefined {
  if (s.command.cmd !== 'step' || s.command.choice === undefined) return undefined;
  const { choice: _dropped, ...command } = s.command;
  return { ...s, command };
}
