/**
 * Runs commands of the guided loop on a system, as fast-check's `modelRun` does (a command
 * whose `check` fails is skipped; indices resolved by the `Tracker`), then drains, and records
 * the features (features.ts) of every command it applied, the drain's included, into the
 * feature map as it goes. At the first command that reaches a feature never reached before, it
 * keeps a copy of the system and the tracker (when the system can copy itself): a later run
 * resumes from that state instead of replaying the commands that led there. The drain goes
 * through the recording first; the system's own drain then checks what is left (its clone
 * check sees an empty drain: rule `implClone` is checked by the random runs).
 */
import type { Observation, Result } from '../../spec/index.js';
import { Tracker, type CommandSystem, type IndexedCommand } from '../commands/index.js';
import { drainThrough } from '../rules/drainable.js';
import { ConformanceFailure } from '../runner/failure.js';
import type { TranscriptEntry } from '../runner/transcript.js';
import type { FeatureMap } from './featureMap.js';
import { featuresOf } from './features.js';

/** A system the loop drives: the lockstep pair or the implementation alone, observed after each command. */
export interface ObservedSystem extends CommandSystem {
  drain(): void;
  /** The observation after the last command. */
  readonly current: Observation;
  readonly transcript: readonly TranscriptEntry[];
  /** An independent copy in the same state, or undefined when it cannot copy itself. */
  clone?(): ObservedSystem | undefined;
}

/** A state to resume from: the system and the tracker after some command of a run. */
export interface Snapshot {
  readonly system: ObservedSystem;
  readonly tracker: Tracker;
}

/** What one execution did. */
export interface Execution {
  /** Features never reached before this run. */
  readonly novel: readonly string[];
  /** Index (in the sequence) of the first command that reached a new feature, or -1. */
  readonly firstNovel: number;
  /** The state right after that command, when the system can copy itself. */
  readonly snapshot?: Snapshot;
  /** Commands applied, the drain's included (the resumed prefix's not). */
  readonly commands: number;
  readonly failure?: ConformanceFailure;
}

/** Where an execution starts: a fresh system, or a copy of a kept state after `from` commands. */
export interface Start {
  readonly system: ObservedSystem;
  readonly tracker?: Tracker;
  readonly from?: number;
}

class Recording implements CommandSystem {
  readonly novel: string[] = [];
  firstNovel = -1;
  at = 0;
  applied = 0;

  constructor(private readonly inner: ObservedSystem, private readonly map: FeatureMap) {}

  get next(): CommandSystem['next'] {
    return this.inner.next;
  }

  apply(command: Parameters<CommandSystem['apply']>[0]): void {
    const before = this.inner.current;
    this.applied++;
    this.inner.apply(command);
    const entry = this.inner.transcript[this.inner.transcript.length - 1];
    const result: Result | undefined = entry?.model ?? entry?.impl;
    if (result === undefined) return;
    const fresh = this.map.add(featuresOf(before, command, result, this.inner.current));
    if (fresh.length === 0) return;
    this.novel.push(...fresh);
    if (this.firstNovel < 0) this.firstNovel = this.at;
  }
}

/** A copy of the system and the tracker, when the system can copy itself. */
function keep(system: ObservedSystem, tracker: Tracker): Snapshot | undefined {
  const copy = system.clone?.();
  return copy === undefined ? undefined : { system: copy, tracker: tracker.clone() };
}

/** Runs `sequence[from..]` on the start's system, records features into `map`, then drains. */
export function execute(sequence: readonly IndexedCommand[], start: Start, map: FeatureMap): Execution {
  const system = start.system;
  const tracker = start.tracker ?? new Tracker();
  const recording = new Recording(system, map);
  let failure: ConformanceFailure | undefined;
  let kept: Snapshot | undefined;
  try {
    for (let i = start.from ?? 0; i < sequence.length; i++) {
      recording.at = i;
      const c = sequence[i]!;
      if (c.check(tracker)) c.run(tracker, recording);
      if (recording.firstNovel === i && kept === undefined) kept = keep(system, tracker);
    }
    recording.at = sequence.length;
    drainThrough(() => system.current, (command) => recording.apply(command));
    system.drain();
  } catch (e) {
    if (!(e instanceof ConformanceFailure)) throw e;
    failure = e;
  }
  return {
    novel: recording.novel,
    firstNovel: recording.firstNovel,
    ...(kept === undefined ? {} : { snapshot: kept }),
    commands: recording.applied,
    ...(failure === undefined ? {} : { failure }),
  };
}
