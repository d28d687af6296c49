/**
 * Coverage-guided generation (the part 2, as libFuzzer and AFL do for bytes and
 * FuzzChick and Hypothesis's targeted testing for properties): each run executes a sequence and
 * records the features of interleavings it reaches (`features.ts`); a run that reaches a
 * feature never reached before puts the sequence up to its first new feature in the corpus,
 * with a copy of the state it led to (`recorder.ts`). Later runs start from corpus entries, by energy
 * (`corpus.ts`): most resume from the kept state and explore on with fresh commands (as
 * Go-Explore returns to a promising state before exploring), the others mutate the sequence
 * (`mutate.ts`: insert a command or a step, splice, duplicate an op's steps, move a step later)
 * and replay it. The first `WARMUP` runs, and a `FRESH_SHARE` of the others, are fresh random
 * sequences. Everything random comes from one seeded generator and the systems are
 * deterministic: the same seed and settings give the same runs, so a guided counterexample is
 * reproducible from its seed and the failing run's number.
 */
import type { GenerationScope, IndexedCommand } from '../commands/index.js';
import type { ConformanceFailure } from '../runner/failure.js';
import { CommandSource } from './commandSource.js';
import { Corpus, type CorpusEntry } from './corpus.js';
import { FeatureMap } from './featureMap.js';
import { mutate } from './mutate.js';
import { execute, type ObservedSystem, type Start } from './recorder.js';
import { Rng } from './rng.js';

/** Fresh random sequences before using the corpus. */
export const WARMUP = 32;

/** Share of fresh random sequences after the warm-up. */
export const FRESH_SHARE = 0.1;

/** Share of corpus runs that resume from the kept state (the others mutate and replay). */
export const RESUME_SHARE = 0.7;

/** Mixed into the seed, so the guided loop's draws differ from fast-check's for the same seed. */
const SALT = 0x9e3779b9;

/** How to run the loop. */
export interface GuidedSettings {
  readonly scope: GenerationScope;
  /** At most this many commands per sequence (the drain comes on top). */
  readonly steps: number;
  readonly runs: number;
  readonly seed: number;
  /** A fresh system per run. */
  readonly system: () => ObservedSystem;
  /** Stop starting runs after this time (`performance.now()` ms). */
  readonly deadline?: number;
  /** Called after every run with the commands it applied. */
  readonly onRun?: (commands: number) => void;
  /** The map to record into (to read the features after the loop). */
  readonly map?: FeatureMap;
}

/** What the loop found. */
export interface GuidedOutcome {
  readonly runs: number;
  readonly features: number;
  readonly corpus: number;
  readonly interrupted: boolean;
  /** The first failure, and the 1-based run it came from. */
  readonly failure?: ConformanceFailure;
  readonly failedRun?: number;
}

/** One run's plan: the sequence, and where it starts. */
interface Plan {
  readonly sequence: readonly IndexedCommand[];
  readonly start: Start;
  readonly parent?: CorpusEntry;
}

/** Fresh commands after `seq`, up to a random length within `steps`. */
function explore(seq: readonly IndexedCommand[], source: CommandSource, rng: Rng, steps: number): IndexedCommand[] {
  return [...seq, ...source.sequence(rng.int(Math.max(0, steps - seq.length) + 1))];
}

/** The next run: fresh, resumed from a kept state, or a mutant of a corpus sequence replayed. */
function plan(run: number, s: GuidedSettings, corpus: Corpus, source: CommandSource, rng: Rng): Plan {
  if (run <= WARMUP || corpus.size === 0 || rng.chance(FRESH_SHARE)) {
    return { sequence: source.sequence(1 + rng.int(s.steps)), start: { system: s.system() } };
  }
  const parent = corpus.pick(rng);
  const kept = parent.snapshot;
  if (kept !== undefined && rng.chance(RESUME_SHARE)) {
    const system = kept.system.clone?.();
    if (system !== undefined) {
      const from = parent.commands.length;
      return { sequence: explore(parent.commands, source, rng, s.steps), start: { system, tracker: kept.tracker.clone(), from }, parent };
    }
  }
  const sequence = explore(mutate(parent.commands, { rng, source, corpus }, s.steps), source, rng, s.steps);
  return { sequence, start: { system: s.system() }, parent };
}

/** Runs the guided loop until a failure, `runs` runs, or the deadline. */
export function runGuided(s: GuidedSettings): GuidedOutcome {
  const rng = new Rng((s.seed ^ SALT) >>> 0);
  const source = new CommandSource(s.scope, rng);
  const map = s.map ?? new FeatureMap();
  const corpus = new Corpus(map);
  const outcome = (runs: number, interrupted: boolean): GuidedOutcome => ({ runs, features: map.size, corpus: corpus.size, interrupted });
  for (let run = 1; run <= s.runs; run++) {
    if (s.deadline !== undefined && performance.now() > s.deadline) return outcome(run - 1, true);
    const p = plan(run, s, corpus, source, rng);
    const e = execute(p.sequence, p.start, map);
    s.onRun?.(e.commands);
    if (e.failure !== undefined) return { ...outcome(run, false), failure: e.failure, failedRun: run };
    if (p.parent !== undefined) corpus.credit(p.parent, e.novel.length);
    if (e.novel.length > 0 && e.firstNovel < p.sequence.length) corpus.add(p.sequence.slice(0, e.firstNovel + 1), e.novel, e.snapshot);
  }
  return outcome(s.runs, false);
}
