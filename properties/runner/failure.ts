/**
 * A conformance failure: a typed value thrown from inside a run (fast-check needs a throw to
 * see a failure) and turned into a report by the runner. It carries what broke, the entities
 * involved, and the run's transcript up to and including the failing command.
 */
import type { Result } from '../../spec/index.js';
import type { BrokenRule } from './brokenRules.js';
import type { TranscriptEntry } from './transcript.js';

/**
 * `result`: the two worlds answered differently · `observation`: their observations differ ·
 * `rule`: a SPEC §6 rule broke (`ptStructure` for the implementation's self-check) ·
 * `crash`: a world threw · `drainable`: the end-of-run drain did not empty the world.
 */
export type FailureKind = 'result' | 'observation' | 'rule' | 'crash' | 'drainable';

/** What a failure says, as data (it goes into the JSON report as is). */
export interface FailureDetails {
  readonly kind: FailureKind;
  /** One line: `results differ at step(op3, fence): model {"ok":0}, impl {"err":"EAGAIN"}`. */
  readonly message: string;
  /** The call that failed, as printed (absent for a drain failure with no command). */
  readonly command?: string;
  /** 1-based index of the failing command in the program (absent: after the last). */
  readonly at?: number;
  /** The rule that broke (`rule`, `drainable`). */
  readonly rule?: string;
  /** Which world broke the rule or threw: both when their observations are equal. */
  readonly side?: 'model' | 'impl' | 'both';
  /** The rule's messages, naming the entities involved. */
  readonly entities?: readonly string[];
  readonly modelResult?: Result;
  readonly implResult?: Result;
  /**
   * Every differing entry of the two observations, labelled, in SPEC §7 order
   * (`pages[0]: pfn 2, data 1, dirty true vs false, stored 0, mapcount 1`); the first is the one shown.
   */
  readonly diff?: readonly string[];
  /** For a crash of an implementation's process: the last lines of its standard error. */
  readonly stderr?: readonly string[];
  /**
   * Every rule broken after the failing command, on either world: for a rule failure all of
   * them (the first is `rule`), for a result or observation difference those broken besides.
   */
  readonly brokenRules?: readonly BrokenRule[];
}

/** Thrown by the lockstep runner when a check fails. */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';

  constructor(
    readonly details: FailureDetails,
    readonly transcript: readonly TranscriptEntry[],
  ) {
    super(details.message);
  }
}
