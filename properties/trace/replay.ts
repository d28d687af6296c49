/**
 * Replays a trace (SPEC §8) on one or more worlds in lockstep. After every command line it
 * checks, in this order: the line's `expect` on each world, that all worlds gave the same
 * result, that their observations are deep-equal (`sameObservation`), then on each
 * world every rule of SPEC §6 (`RULES`), `memoryIsMemory`, and the world's own
 * `checkStructure()` (as rule `ptStructure`). It stops at the first failing line. A world that
 * reports part of the observation (`observes`, docs/protocol.md) is compared on that part and
 * held to the rules that read nothing else.
 */
import { observationPartsText, observesWhole, restrictObservation, sameObservation, sameResult, type Command, type Observation, type Result } from '../../spec/index.js';
import { MemoryIsMemory, RULES, checkRules, rulesFor, type RuleBreach } from '../rules/index.js';
import { diffObservations } from './observationDiff.js';
import type { NamedWorld, ReplayFail, ReplayFailure, ReplayOptions, ReplayOutcome, ReplayPass, ReplayRecord, WorldResult } from './replayOutcome.js';
import { isCommandLine, type Trace, type TraceCommandLine, type TraceLine } from './trace.js';

interface Lane {
  readonly named: NamedWorld;
  readonly memory: MemoryIsMemory;
  observation: Observation;
}

type Applied = { results: WorldResult[]; failure?: ReplayFailure };

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Applies the command to every world and observes it; a throw is an `exception` failure. */
function applyAll(lanes: readonly Lane[], command: Command): Applied {
  const results: WorldResult[] = [];
  for (const lane of lanes) {
    const world = lane.named.name;
    try {
      const result = lane.named.world.apply(command);
      results.push({ world, result });
      lane.observation = lane.named.world.observe();
    } catch (e) {
      return { results, failure: { kind: 'exception', world, message: errorText(e) } };
    }
  }
  return { results };
}

function compareResults(results: readonly WorldResult[], expect: Result | undefined): ReplayFailure | undefined {
  if (expect !== undefined) {
    const bad = results.find((r) => !sameResult(r.result, expect));
    if (bad) return { kind: 'expect', world: bad.world, expected: expect, actual: bad.result };
  }
  const first = results[0]!.result;
  if (results.some((r) => !sameResult(r.result, first))) return { kind: 'result-mismatch', results };
  return undefined;
}

/** A world that reports part of the observation (`observes`) is compared on that part. */
function compareObservations(lanes: readonly Lane[]): ReplayFailure | undefined {
  const first = lanes[0]!;
  for (const lane of lanes.slice(1)) {
    const parts = lane.named.world.observes;
    const whole = observesWhole(parts);
    if (whole ? sameObservation(first.observation, lane.observation) : observationPartsText(first.observation, parts) === observationPartsText(lane.observation, parts)) continue;
    const worlds = [first.named.name, lane.named.name] as const;
    const [a, b] = whole ? [first.observation, lane.observation] : [restrictObservation(first.observation, parts!), restrictObservation(lane.observation, parts!)];
    return { kind: 'observation-mismatch', worlds, diff: diffObservations(a, b, worlds) };
  }
  return undefined;
}

/**
 * The rules a world can be held to (those reading only what it reports), `memoryIsMemory` (fed
 * the first world's observation when this one lacks parts: it needs `ops` and `next`), and its
 * structure check.
 */
function breachesOf(lanes: readonly Lane[], lane: Lane, command: Command, result: Result): RuleBreach[] {
  const parts = lane.named.world.observes;
  const whole = observesWhole(parts);
  const breaches = whole ? checkRules(lane.observation) : rulesFor(RULES, parts).checked.flatMap((r) => r.check(lane.observation).map((message) => ({ rule: r.id, message })));
  const seen = whole ? lane.observation : lanes[0]!.observation;
  for (const message of lane.memory.after(command, result, seen)) breaches.push({ rule: 'memoryIsMemory', message });
  for (const message of lane.named.world.checkStructure?.() ?? []) breaches.push({ rule: 'ptStructure', message });
  return breaches;
}

function checkLine(lanes: readonly Lane[], line: TraceCommandLine, applied: Applied): ReplayFailure | undefined {
  const failure = applied.failure ?? compareResults(applied.results, line.expect) ?? compareObservations(lanes);
  if (failure) return failure;
  for (let i = 0; i < lanes.length; i++) {
    const lane = lanes[i]!;
    const breaches = breachesOf(lanes, lane, line.command, applied.results[i]!.result);
    if (breaches.length > 0) return { kind: 'rule', world: lane.named.name, rule: breaches[0]!.rule, breaches };
  }
  return undefined;
}

/**
 * A replay in progress, fed one trace line at a time (a file is replayed as it is read): it holds
 * the worlds and what the rules need, never the trace, so its memory is bounded by the worlds
 * (and, with `record`, by the steps recorded).
 */
export class Replay {
  private readonly lanes: Lane[];
  private readonly records: ReplayRecord[] | undefined;
  private steps = 0;
  private note: string | undefined;

  constructor(worlds: readonly NamedWorld[], options: ReplayOptions = {}) {
    if (worlds.length === 0) throw new Error('replayTrace: no world to replay on');
    this.lanes = worlds.map((named) => ({ named, memory: new MemoryIsMemory(), observation: named.world.observe() }));
    this.records = options.record ? [] : undefined;
  }

  /** Commands replayed so far. */
  get commands(): number {
    return this.steps;
  }

  /** Replays one line; the failure outcome if it failed (replay no further line then). */
  line(line: TraceLine): ReplayFail | undefined {
    if (!isCommandLine(line)) {
      this.note = line.note;
      return undefined;
    }
    const lanes = this.lanes;
    this.steps++;
    const applied = applyAll(lanes, line.command);
    const reason = checkLine(lanes, line, applied);
    const first = applied.results[0];
    if (this.records && first) this.records.push({ line: line.line, command: line.command, result: first.result, observation: lanes[0]!.observation });
    if (!reason) return undefined;
    const noteField = this.note === undefined ? {} : { note: this.note };
    return { verdict: 'fail', line: line.line, command: line.command, reason, results: applied.results, ...noteField, steps: this.steps, finalObservation: lanes[0]!.observation, ...this.withRecords() };
  }

  /** The outcome when every line passed. */
  passed(): ReplayPass {
    return { verdict: 'pass', steps: this.steps, finalObservation: this.lanes[0]!.observation, ...this.withRecords() };
  }

  private withRecords(): { records?: readonly ReplayRecord[] } {
    return this.records ? { records: this.records } : {};
  }
}

/** Replays `trace` on `worlds` (fresh, built with `trace.config`); stops at the first failing line. */
export function replayTrace(trace: Trace, worlds: readonly NamedWorld[], options: ReplayOptions = {}): ReplayOutcome {
  const replay = new Replay(worlds, options);
  for (const line of trace.lines) {
    const failed = replay.line(line);
    if (failed) return failed;
  }
  return replay.passed();
}
