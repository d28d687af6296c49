/**
 * A pipelined lockstep run as fast-check sees it. fast-check shrinks a failing sequence over the
 * commands that *ran*; a speculative run (speculativeRun.ts) runs commands past the one that
 * fails before it reads the answer that shows the failure, so driven by `fc.modelRun` it would
 * hand the shrinker more commands than a run one request at a time, and shrinking would go
 * differently. So the speculative run is a first pass of its own over the generated commands
 * (the same `Tracker` moves, resolving the same ids), and `fc.modelRun` then drives this
 * replay of its outcome: the same commands, the same `next` counters, and the exact failure
 * thrown at the command (or in the drain) where a run one request at a time throws it. With the
 * same seed, a pipelined check and an unpipelined one take the same runs, shrinks and
 * counterexample: pipelining changes the speed only.
 *
 * The generated commands are fast-check's wrappers around our `IndexedCommand`s; the first pass
 * takes the command out of its wrapper (`cmd`, so the wrapper does not count as run). If that
 * ever fails (fast-check changed), the speculative run is driven directly: each run's failure
 * is still exact, only shrinking may take another path.
 */
import type { Command, CommandName, Observation } from '../../spec/index.js';
import { IndexedCommand, Tracker, formatCommand } from '../commands/index.js';
import { ConformanceFailure } from '../runner/failure.js';
import type { LockstepRun } from '../runner/ports.js';
import type { TranscriptEntry } from '../runner/transcript.js';
import type { SpeculativeRun } from './speculativeRun.js';

/** One property run's inputs: the kinds it leaves out (swarm) and fast-check's commands. */
export interface RunPlan {
  readonly leftOut: readonly CommandName[];
  readonly commands: Iterable<unknown>;
}

/** The `IndexedCommand` a generated command is, or wraps; undefined if neither. */
function indexedOf(c: unknown): IndexedCommand | undefined {
  if (c instanceof IndexedCommand) return c;
  const inner = c !== null && typeof c === 'object' && 'cmd' in c ? c.cmd : undefined;
  return inner instanceof IndexedCommand ? inner : undefined;
}

/** The run of `plan` on a speculative run: replayed for fast-check when its commands can be looked at. */
export function pipelinedRun(speculative: () => SpeculativeRun, plan: RunPlan): LockstepRun {
  const commands = [...plan.commands].map(indexedOf);
  if (commands.some((c) => c === undefined)) return speculative();
  return new PipelinedLockstep(speculative(), commands as IndexedCommand[], plan.leftOut);
}

/** The outcome of a finished speculative run, replayed command by command. */
class PipelinedLockstep implements LockstepRun {
  transcript: TranscriptEntry[] = [];
  private readonly failure: { readonly error: ConformanceFailure; readonly in: 'init' | 'apply' | 'drain' } | undefined;

  constructor(
    private readonly run: SpeculativeRun,
    commands: readonly IndexedCommand[],
    leftOut: readonly CommandName[],
  ) {
    const tracker = new Tracker(new Set(leftOut));
    let failure: PipelinedLockstep['failure'];
    try {
      for (const c of commands) if (c.check(tracker)) c.run(tracker, run);
      run.drain();
    } catch (e) {
      if (!(e instanceof ConformanceFailure)) throw e;
      failure = { error: e, in: run.failedIn };
    }
    this.failure = failure;
  }

  get next(): Observation['next'] {
    return this.run.nexts[this.transcript.length - 1] ?? this.run.current.next;
  }

  apply(command: Command): void {
    const entry = this.run.transcript[this.transcript.length];
    if (entry === undefined || formatCommand(entry.command) !== formatCommand(command)) {
      throw new Error(`pipelined run: fast-check replayed ${formatCommand(command)} where the first pass applied ${entry === undefined ? 'nothing' : formatCommand(entry.command)}`);
    }
    this.transcript.push(entry);
    const f = this.failure;
    if (f !== undefined && f.in !== 'drain' && f.error.transcript.length === this.transcript.length) throw f.error;
  }

  drain(): void {
    if (this.failure === undefined) {
      this.transcript = [...this.run.transcript];
      return;
    }
    this.transcript = [...this.failure.error.transcript];
    throw this.failure.error;
  }
}
