/**
 * A generated command: a fast-check `Command` whose mm and op are indices (SPEC §3), resolved
 * against the `Tracker` when it runs. Before it runs it prints with `#` indices (`munmap(mm#1,
 * 0x4, +2)`); after, as the call it made (`munmap(mm1, 0x4, +2)`).
 */
import type fc from 'fast-check';
import type { Command, CommandName } from '../../spec/index.js';
import { formatCommand } from './format.js';
import type { IdCounters, Tracker } from './tracker.js';

/** The system under test as commands see it: applies a resolved command, reports the counters. */
export interface CommandSystem {
  /** Applies one command; throws a typed failure when the check after it fails. */
  apply(command: Command): void;
  /** The id counters after the last command. */
  readonly next: IdCounters;
}

/** Which indices a command carries. */
export interface CommandRefs {
  readonly mm?: number;
  readonly op?: number;
}

/** Builds the command from resolved ids (`mm`, `op`; 0 where the command has none). */
export type CommandTemplate = (ids: { readonly mm: number; readonly op: number }) => Command;

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
    return this.template({ mm: t.mm(this.refs.mm ?? 0), op: t.op(this.refs.op ?? 0) });
  }

  run(t: Tracker, system: CommandSystem): void {
    const command = this.resolve(t);
    this.resolved = command;
    system.apply(command);
    t.sync(system.next);
  }

  toString(): string {
    if (this.resolved !== undefined) return formatCommand(this.resolved);
    return formatCommand(this.template({ mm: this.refs.mm ?? 0, op: this.refs.op ?? 0 }), '#');
  }
}
