/**
 * The rules-alone system: the implementation by itself, no model to compare with. After every
 * command every observation rule of SPEC §6, the implementation's structure check (rule
 * `ptStructure`) and `memoryIsMemory` (it needs only commands, results and observations); at
 * the end the `drainable` drain. Every rule broken by the failing command is named, so the kill
 * matrix can credit each (the "killed by a rule alone"). It copies itself (`clone`) for
 * the guided generator's kept states.
 */
import type { Command, Observation, Result, World } from '../../spec/index.js';
import type { CommandSystem } from '../commands/index.js';
import { formatCommand } from '../commands/index.js';
import { drainThrough, leftInFlight, type Rule } from '../rules/index.js';
import { ConformanceFailure, PT_STRUCTURE, type FailureDetails, type MemoryCheck, type TranscriptEntry } from '../runner/index.js';

/** A failure of the rules-alone system: every rule broken by the failing command. */
export class RulesFailure extends ConformanceFailure {
  constructor(details: FailureDetails, transcript: readonly TranscriptEntry[], readonly rules: readonly string[]) {
    super(details, transcript);
  }
}

/** The implementation alone, checked by the rules after every command. */
export class RulesAlone implements CommandSystem {
  readonly transcript: TranscriptEntry[] = [];
  private observation: Observation;

  constructor(private readonly world: World, private readonly rules: readonly Rule[], private readonly memory?: MemoryCheck) {
    this.observation = this.observe();
    this.check(null, null);
  }

  get next(): Observation['next'] {
    return this.observation.next;
  }

  /** The observation after the last command. */
  get current(): Observation {
    return this.observation;
  }

  apply(command: Command): void {
    let result: Result;
    try {
      result = this.world.apply(command);
    } catch (e) {
      this.transcript.push({ command });
      return this.crash(`impl threw at ${formatCommand(command)}`, e);
    }
    this.transcript.push({ command, impl: result });
    this.observation = this.observe();
    this.check(command, result);
  }

  /** An independent copy in the same state, or undefined when the world or the history check cannot copy itself. */
  clone(): RulesAlone | undefined {
    const world = this.world.clone?.();
    const memory = this.memory?.clone?.();
    if (world === undefined || (this.memory !== undefined && memory === undefined)) return undefined;
    const copy = new RulesAlone(world, this.rules, memory);
    copy.transcript.push(...this.transcript);
    return copy;
  }

  /** SPEC §6 `drainable`, on the implementation alone. */
  drain(): void {
    drainThrough(() => this.observation, (command) => this.apply(command));
    const left = leftInFlight(this.observation);
    if (left.length > 0) this.fail(['drainable'], { kind: 'drainable', message: `drainable: ${left[0]}`, rule: 'drainable', side: 'impl', entities: left });
  }

  /** Every rule after one command (none before the first); throws naming all that broke. */
  private check(command: Command | null, result: Result | null): void {
    const broken: { rule: string; entities: readonly string[] }[] = [];
    const add = (rule: string, entities: readonly string[]): void => void (entities.length > 0 && broken.push({ rule, entities }));
    for (const rule of this.rules) add(rule.id, rule.check(this.observation));
    if (this.world.checkStructure) add(PT_STRUCTURE, this.world.checkStructure());
    if (command !== null && result !== null && this.memory) add('memoryIsMemory', this.memory.after(command, result, this.observation));
    if (broken.length === 0) return;
    const first = broken[0]!;
    const where = command === null ? 'initially' : `after ${formatCommand(command)}`;
    const message = `rule ${first.rule} broke ${where}: ${first.entities[0]}`;
    const brokenRules = broken.map((b) => ({ ...b, side: 'impl' as const }));
    this.fail(broken.map((b) => b.rule), { kind: 'rule', message, rule: first.rule, side: 'impl', entities: first.entities, brokenRules });
  }

  private observe(): Observation {
    try {
      return this.world.observe();
    } catch (e) {
      return this.crash('impl observe() threw', e);
    }
  }

  private crash(what: string, e: unknown): never {
    return this.fail(['crash'], { kind: 'crash', message: `${what}: ${e instanceof Error ? e.message : String(e)}`, side: 'impl' });
  }

  private fail(rules: readonly string[], details: Omit<FailureDetails, 'command' | 'at'>): never {
    const last = this.transcript[this.transcript.length - 1];
    const where = last === undefined ? {} : { command: formatCommand(last.command), at: this.transcript.length };
    throw new RulesFailure({ ...details, ...where }, [...this.transcript], rules);
  }
}
