/**
 * Mutations of a corpus sequence (the list): insert a command or a step, splice two
 * sequences, duplicate an op's steps, move a step later; and, to keep sequences short, delete or
 * replace a command. One to four are stacked (AFL's havoc). Commands carry indices resolved when
 * they run (`step(op#0)` drives the newest op), so a mutated sequence never names a dangling id.
 */
import type { IndexedCommand } from '../commands/index.js';
import type { CommandSource } from './commandSource.js';
import type { Corpus } from './corpus.js';
import type { Rng } from './rng.js';

/** What a mutation may use. */
export interface MutationContext {
  readonly rng: Rng;
  readonly source: CommandSource;
  readonly corpus: Corpus;
}

type Mutation = (seq: IndexedCommand[], x: MutationContext) => IndexedCommand[];

const isStep = (c: IndexedCommand): boolean => c.kind === 'step' || c.kind === 'finish';

function stepPositions(seq: readonly IndexedCommand[]): number[] {
  const out: number[] = [];
  seq.forEach((c, i) => {
    if (isStep(c)) out.push(i);
  });
  return out;
}

const insertAt = (seq: IndexedCommand[], at: number, ...cs: IndexedCommand[]): IndexedCommand[] => [...seq.slice(0, at), ...cs, ...seq.slice(at)];

/** Where to insert: half the time at the end (the run goes on from where it found something), else anywhere. */
const insertionPoint = (seq: readonly IndexedCommand[], x: MutationContext): number => (x.rng.chance(0.5) ? seq.length : x.rng.int(seq.length + 1));

const insertCommand: Mutation = (seq, x) => insertAt(seq, insertionPoint(seq, x), x.source.command());

const insertStep: Mutation = (seq, x) => insertAt(seq, insertionPoint(seq, x), x.source.stepCommand());

/** A prefix of this sequence, then a suffix of another corpus entry. */
const splice: Mutation = (seq, x) => {
  const other = x.corpus.pick(x.rng).commands;
  return [...seq.slice(0, x.rng.int(seq.length + 1)), ...other.slice(x.rng.int(other.length + 1))];
};

/** One to three more copies of a step right after it: the op goes further at that point. */
const duplicateSteps: Mutation = (seq, x) => {
  const steps = stepPositions(seq);
  if (steps.length === 0) return insertStep(seq, x);
  const at = x.rng.pick(steps);
  return insertAt(seq, at + 1, ...Array.from({ length: 1 + x.rng.int(3) }, () => seq[at]!));
};

/** A step moved later: other commands now run between the op's steps. */
const moveStepLater: Mutation = (seq, x) => {
  const steps = stepPositions(seq);
  if (steps.length === 0) return insertStep(seq, x);
  const from = x.rng.pick(steps);
  const rest = [...seq.slice(0, from), ...seq.slice(from + 1)];
  return insertAt(rest, from + x.rng.int(rest.length - from + 1), seq[from]!);
};

const deleteCommand: Mutation = (seq, x) => {
  if (seq.length <= 1) return insertCommand(seq, x);
  const at = x.rng.int(seq.length);
  return [...seq.slice(0, at), ...seq.slice(at + 1 + x.rng.int(2))];
};

const replaceCommand: Mutation = (seq, x) => {
  if (seq.length === 0) return insertCommand(seq, x);
  const at = x.rng.int(seq.length);
  return [...seq.slice(0, at), x.source.command(), ...seq.slice(at + 1)];
};

/** Each mutation with its weight. */
const MUTATIONS: readonly (readonly [Mutation, number])[] = [
  [insertCommand, 4], [insertStep, 4], [duplicateSteps, 3], [moveStepLater, 3], [splice, 1], [deleteCommand, 2], [replaceCommand, 2],
];
const TOTAL = MUTATIONS.reduce((sum, [, w]) => sum + w, 0);

function one(x: MutationContext): Mutation {
  let at = x.rng.int(TOTAL);
  for (const [m, w] of MUTATIONS) {
    if (at < w) return m;
    at -= w;
  }
  return MUTATIONS[0]![0];
}

/** A mutant of `seq`: one to four stacked mutations, cut to `maxLength`. */
export function mutate(seq: readonly IndexedCommand[], x: MutationContext, maxLength: number): IndexedCommand[] {
  let out = [...seq];
  const n = 1 + (x.rng.chance(0.5) ? x.rng.int(4) : 0);
  for (let i = 0; i < n; i++) out = one(x)(out, x);
  return out.slice(0, maxLength);
}
