/**
 * The model and the implementation in lockstep: the "real system" of the model-based test.
 * After every command: the two results must be the same, the two observations (SPEC §7) equal,
 * every SPEC §6 rule must hold, the implementation's `checkStructure()` must be empty (rule
 * `ptStructure`) and `memoryIsMemory` must accept the history. The first breach throws a
 * `ConformanceFailure` carrying the transcript. The drain also checks the implementation's
 * `clone()`, which the explorer's soundness rests on (rule `implClone`): a clone taken before the
 * drain observes the same, and after the same drain commands it still does.
 */
import {
  formatResult, observationPartsText, observesWhole, restrictObservation, sameObservation, sameResult,
  type Command, type Observation, type ObservationPart, type Result, type World,
} from '../../spec/index.js';
import type { CommandSystem } from '../commands/index.js';
import { formatCommand } from '../commands/index.js';
import type { Rule } from '../rules/rule.js';
import { DRAIN_MAX_ROUNDS, drainThrough, leftInFlight } from '../rules/index.js';
import { breachesOf, brokenOnEitherSide, type BrokenRule } from './brokenRules.js';
import { ConformanceFailure, type FailureDetails } from './failure.js';
import { diffObservations } from '../trace/index.js';
import type { MemoryCheck } from './ports.js';
import type { TranscriptEntry } from './transcript.js';

/** The rule id of the implementation's structural self-check. */
export const PT_STRUCTURE = 'ptStructure';

/** The rule id of the clone check: a clone of the implementation observes and evolves as the original. */
export const IMPL_CLONE = 'implClone';

type Side = 'model' | 'impl';

/** A model world and an implementation world driven by the same commands. */
export class Lockstep implements CommandSystem {
  readonly transcript: TranscriptEntry[] = [];
  private observation: Observation;

  constructor(
    private readonly model: World,
    private readonly impl: World,
    private readonly rules: readonly Rule[],
    private readonly memory?: MemoryCheck,
  ) {
    const [m, i] = this.observeBoth('initially');
    this.compare(m, i, 'initially');
    this.observation = m;
  }

  /** The id counters after the last command (the worlds agree on them). */
  get next(): Observation['next'] {
    return this.observation.next;
  }

  /** The observation after the last command. */
  get current(): Observation {
    return this.observation;
  }

  /** Applies `command` to both worlds and checks everything; throws `ConformanceFailure`. */
  apply(command: Command): void {
    const entry: { command: Command; model?: Result; impl?: Result } = { command };
    this.transcript.push(entry);
    const model = (entry.model = this.call('model', this.model, command));
    const impl = (entry.impl = this.call('impl', this.impl, command));
    const where = `after ${formatCommand(command)}`;
    const [observation, implObservation] = this.observeBoth(where);
    const alsoBroken = (): { brokenRules?: readonly BrokenRule[] } => this.alsoBroken(command, model, impl, observation, implObservation);
    if (!sameResult(model, impl)) {
      const message = `results differ at ${formatCommand(command)}: model ${formatResult(model)}, impl ${formatResult(impl)}`;
      const diff = diffObservations(observation, implObservation);
      this.fail({ kind: 'result', message, modelResult: model, implResult: impl, ...(diff.length > 0 ? { diff } : {}), ...alsoBroken() });
    }
    this.compare(observation, implObservation, where, alsoBroken);
    this.observation = observation;
    this.checkRules(command, model, observation);
  }

  /**
   * An independent copy in the same state (both worlds and the history check cloned, the
   * transcript so far copied), or undefined when one of them cannot copy itself. The guided
   * generator (properties/guided) resumes runs from such copies instead of replaying them.
   */
  clone(): Lockstep | undefined {
    const model = this.model.clone?.();
    const impl = this.impl.clone?.();
    const memory = this.memory?.clone?.();
    if (model === undefined || impl === undefined || (this.memory !== undefined && memory === undefined)) return undefined;
    const copy = new Lockstep(model, impl, this.rules, memory);
    copy.transcript.push(...this.transcript);
    return copy;
  }

  /** SPEC §6 `drainable`: drain rounds until nothing is in flight, then no fence may remain. */
  drain(): void {
    const copy = this.impl.clone?.();
    const from = this.transcript.length;
    if (copy !== undefined) this.compareClone(copy, 'before the drain');
    drainThrough(() => this.observation, (command) => this.apply(command));
    if (copy !== undefined) {
      for (const entry of this.transcript.slice(from)) copy.apply(entry.command);
      this.compareClone(copy, 'after the same drain commands');
    }
    const left = leftInFlight(this.observation);
    if (left.length > 0) {
      const message = `drainable: after ${DRAIN_MAX_ROUNDS} rounds at most, ${left[0]}`;
      this.fail({ kind: 'drainable', message, rule: 'drainable', side: 'both', entities: left });
    }
  }

  /**
   * The rules run on one observation only: the two observations are equal (checked before),
   * and a rule is a predicate over the observation, so equal observations give equal verdicts.
   * Every rule broken is named (`brokenRules`); the first is the failure's `rule`.
   */
  private checkRules(command: Command, result: Result, observation: Observation): void {
    const broken: BrokenRule[] = [...breachesOf(this.rules, observation)].map(([rule, entities]) => ({ rule, side: 'both', entities }));
    const structure = this.impl.checkStructure ? this.checkStructure(command) : [];
    if (structure.length > 0) broken.push({ rule: PT_STRUCTURE, side: 'impl', entities: structure });
    const memory = this.memory?.after(command, result, observation) ?? [];
    if (memory.length > 0) broken.push({ rule: 'memoryIsMemory', side: 'both', entities: memory });
    const first = broken[0];
    if (first === undefined) return;
    const message = `rule ${first.rule} broke after ${formatCommand(command)}: ${first.entities[0]}`;
    this.fail({ kind: 'rule', message, rule: first.rule, side: first.side, entities: first.entities, brokenRules: broken });
  }

  private checkStructure(command: Command): readonly string[] {
    try {
      return this.impl.checkStructure!();
    } catch (e) {
      return this.crash('impl', `impl checkStructure() threw after ${formatCommand(command)}`, e);
    }
  }

  /** The rules broken on either world when they differ (memoryIsMemory on a copy of the history, as both agreed so far). */
  private alsoBroken(command: Command, model: Result, impl: Result, m: Observation, i: Observation): { brokenRules?: readonly BrokenRule[] } {
    const memory = (result: Result, o: Observation): readonly string[] => this.memory?.clone?.().after(command, result, o) ?? [];
    const broken = brokenOnEitherSide(this.rules, m, i, {
      model: { memoryIsMemory: memory(model, m) },
      impl: { [PT_STRUCTURE]: this.impl.checkStructure ? this.checkStructure(command) : [], memoryIsMemory: memory(impl, i) },
    });
    return broken.length === 0 ? {} : { brokenRules: broken };
  }

  private call(side: Side, world: World, command: Command): Result {
    try {
      return world.apply(command);
    } catch (e) {
      return this.crash(side, `${side} threw at ${formatCommand(command)}`, e);
    }
  }

  /** Observes both worlds; a world that throws is a crash. */
  private observeBoth(where: string): [Observation, Observation] {
    let m: Observation;
    try {
      m = this.model.observe();
    } catch (e) {
      return this.crash('model', `model observe() threw ${where}`, e);
    }
    try {
      return [m, this.impl.observe()];
    } catch (e) {
      return this.crash('impl', `impl observe() threw ${where}`, e);
    }
  }

  /**
   * The cheap comparison: deep equality (`sameObservation`); the diff is computed only when they differ. An
   * implementation that reports part of the observation (`observes`) is compared on that part.
   */
  private compare(m: Observation, i: Observation, where: string, alsoBroken: () => { brokenRules?: readonly BrokenRule[] } = () => ({})): void {
    const parts = this.impl.observes;
    if (!observesWhole(parts)) return this.compareParts(m, i, parts!, where, alsoBroken);
    if (!sameObservation(m, i)) {
      this.fail({ kind: 'observation', message: `observations differ ${where}`, diff: diffObservations(m, i), ...alsoBroken() });
    }
  }

  private compareParts(m: Observation, i: Observation, parts: readonly ObservationPart[], where: string, alsoBroken: () => { brokenRules?: readonly BrokenRule[] }): void {
    if (observationPartsText(m, parts) === observationPartsText(i, parts)) return;
    const diff = diffObservations(restrictObservation(m, parts), restrictObservation(i, parts));
    this.fail({ kind: 'observation', message: `observations differ ${where}`, diff, ...alsoBroken() });
  }

  /** Rule `implClone`: the copy's observation equals the implementation's. */
  private compareClone(copy: World, where: string): void {
    const original = this.impl.observe();
    const copied = copy.observe();
    if (sameObservation(original, copied)) return;
    const entities = diffObservations(original, copied, ['original', 'clone']);
    this.fail({ kind: 'rule', rule: IMPL_CLONE, side: 'impl', message: `rule ${IMPL_CLONE} broke ${where}: the clone observes differently`, entities });
  }

  private crash(side: Side, what: string, e: unknown): never {
    const reason = e instanceof Error ? e.message : String(e);
    const stderr = e instanceof Error && 'stderr' in e && Array.isArray(e.stderr) ? { stderr: e.stderr as string[] } : {};
    return this.fail({ kind: 'crash', message: `${what}: ${reason}`, side, ...stderr });
  }

  private fail(details: Omit<FailureDetails, 'command' | 'at'>): never {
    const last = this.transcript[this.transcript.length - 1];
    const where = last === undefined ? {} : { command: formatCommand(last.command), at: this.transcript.length };
    throw new ConformanceFailure({ ...details, ...where }, [...this.transcript]);
  }
}
