/**
 * A generated command: a fast-check `Command` whose mm and op are indices (SPEC §3), and whose
 * address may be a reuse of a recent one, resolved against the `Tracker` when it runs. Before it
 * runs it prints with `#` indices and the address drawn (`munmap(mm#1, 0x4, +2)`); after, as
 * the call it made (`munmap(mm1, 0x4, +2)`).
 */
import type fc from 'fast-check';
import type { Command, CommandName } from '../../spec/index.js';
import { formatCommand } from './format.js';
import type { IdCounters, ResolvedRefs, Tracker } from './tracker.js';

/** The system under test as commands see it: applies a resolved command, reports the counters. */
export interface CommandSystem {
  /** Applies one command; throws a typed failure when the check after it fails. */
  apply(command: Command): void;
  /** The id counters after the last command. */
  readonly next: IdCounters;
}

/** An address as generated: the one drawn, and optionally a recent address to reuse instead. */
export interface AddressRef {
  readonly drawn: number;
  /** Index of a recent address, newest first (`Tracker.address`); absent: `drawn`. */
  readonly reuse?: number;
}

/** Which indices a command carries; a device access also its device, an address command its address. */
export interface CommandRefs {
  readonly mm?: number;
  readonly op?: number;
  readonly dev?: number;
  readonly address?: AddressRef;
}

/** Builds the command from its resolved references (`Tracker.resolve`). */
export type CommandTemplate = (ids: ResolvedRefs) => Command;

/** A command of SPEC §3 (or a step) with its references as indices. */
export class IndexedCommand implements fc.Command<Tracker, CommandSystem> {
  private resolved: Command | undefined;

  constructor(
    readonly kind: CommandName,
    readonly refs: CommandRefs,
    private readonly template: CommandTemplate,
  ) {}

  /** Generated only when its kind is in this run and there is something to name. */
  check(t: Readonly<Tracker>): boolean {
    return t.allows(this.kind) && (this.refs.op === undefined || t.ops > 0);
  }

  /** The command with its indices resolved to ids. */
  resolve(t: Readonly<Tracker>): Command {
    return this.template(t.resolve(this.refs));
  }

  run(t: Tracker, system: CommandSystem): void {
    const command = this.resolve(t);
    this.resolved = command;
    system.apply(command);
    t.sync(system.next);
    t.note(command);
  }

  toString(): string {
    if (this.resolved !== undefined) return formatCommand(this.resolved);
    const { mm = 0, op = 0, dev = 0, address } = this.refs;
    return formatCommand(this.template({ mm, op, dev, address: address?.drawn ?? 0 }), '#');
  }
}
