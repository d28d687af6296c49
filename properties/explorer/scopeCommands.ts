/**
 * The commands a scope tries (SPEC §3 over `Scope`): its fixed commands, made once, in a fixed
 * order (COMMAND_NAMES, then each domain in order), and per op in flight one `step` per driver
 * answer and one `finish`. Naming an op not in flight only gives ENOENT, so those are left out.
 *
 * Each command has a code, so a path is a list of integers and a sleep set a list of codes
 * (`reduction.ts`): fixed command i has code i; op X's k-th step command has code
 * `fixed + X * perOp + k` (the finish last). A code names the same command in every state,
 * as ids are never reused (SPEC §1).
 */
import type { Command, CommandName, Observation } from '../../spec/index.js';
import type { Domains, Scope } from './scope.js';

/** The commands of one kind over its domains. */
function commandsOf(name: CommandName, d: Domains): Command[] {
  const out: Command[] = [];
  const each = <T>(xs: readonly T[], f: (x: T) => void): void => xs.forEach(f);
  switch (name) {
    case 'mmap': case 'mprotect':
      each(d.mms, (mm) => each(d.ranges, ([start, npages]) => each(d.prots, (prot) => out.push({ cmd: name, mm, start, npages, prot }))));
      break;
    case 'munmap': case 'migrate': case 'writeback': case 'reclaim':
      each(d.mms, (mm) => each(d.ranges, ([start, npages]) => out.push({ cmd: name, mm, start, npages })));
      break;
    case 'read':
      each(d.mms, (mm) => each(d.vpns, (vpn) => out.push({ cmd: 'read', mm, vpn })));
      break;
    case 'write':
      each(d.mms, (mm) => each(d.vpns, (vpn) => each(d.values, (value) => out.push({ cmd: 'write', mm, vpn, value }))));
      break;
    case 'fork': case 'exit':
      each(d.mms, (mm) => out.push({ cmd: name, mm }));
      break;
    case 'register': case 'unregister':
      each(d.devs, (dev) => each(d.mms, (mm) => out.push({ cmd: name, dev, mm })));
      break;
    case 'devRead':
      each(d.devs, (dev) => each(d.mms, (mm) => each(d.vpns, (vpn) => out.push({ cmd: 'devRead', dev, mm, vpn }))));
      break;
    case 'devWrite':
      each(d.devs, (dev) => each(d.mms, (mm) => each(d.vpns, (vpn) => each(d.values, (value) => out.push({ cmd: 'devWrite', dev, mm, vpn, value })))));
      break;
    case 'devFault':
      each(d.devs, (dev) => each(d.mms, (mm) => each(d.ranges, ([start, npages]) => each(d.writes, (write) => out.push({ cmd: 'devFault', dev, mm, start, npages, write })))));
      break;
    case 'signal':
      each(d.devs, (dev) => out.push({ cmd: 'signal', dev }));
      break;
    case 'fail':
      each(d.devs, (dev) => each(d.failCodes, (code) => out.push({ cmd: 'fail', dev, code })));
      break;
    case 'step': case 'finish':
      break;
  }
  return out;
}

/** The scope's commands, each one object for the whole exploration. */
export class ScopeCommands {
  readonly fixed: readonly Command[];
  /** Driver answers tried by `step`. */
  readonly choices: readonly string[];
  readonly finish: boolean;
  /** Commands per op in flight. */
  readonly perOp: number;
  /** The scope's state constraints (Infinity: none). */
  readonly maxOpsInFlight: number;
  readonly maxFaultsPerMirror: number;
  private readonly opCommands: (readonly Command[] | undefined)[] = [];

  constructor(scope: Scope) {
    const fixed: Command[] = [];
    for (const [name, domains] of Object.entries(scope.commands)) fixed.push(...commandsOf(name as CommandName, domains));
    this.fixed = fixed;
    this.choices = scope.commands.step?.choices ?? [];
    this.finish = scope.commands.finish !== undefined;
    this.perOp = this.choices.length + (this.finish ? 1 : 0);
    this.maxOpsInFlight = scope.maxOpsInFlight ?? Infinity;
    this.maxFaultsPerMirror = scope.maxFaultsPerMirror ?? Infinity;
  }

  /** The commands of op `op`: a step per answer, then finish. */
  ofOp(op: number): readonly Command[] {
    let cs = this.opCommands[op];
    if (cs === undefined) {
      const made: Command[] = this.choices.map((choice) => ({ cmd: 'step', op, choice }));
      if (this.finish) made.push({ cmd: 'finish', op });
      this.opCommands[op] = cs = made;
    }
    return cs;
  }

  /** True when a state is past the scope's constraints (checked, not expanded). */
  pastConstraints(ops: readonly number[], observe: () => Observation): boolean {
    if (ops.length > this.maxOpsInFlight) return true;
    if (this.maxFaultsPerMirror === Infinity || ops.length <= this.maxFaultsPerMirror) return false;
    const faults = new Map<number, number>();
    for (const op of observe().ops) {
      if (op[8] === null) continue;
      const n = (faults.get(op[8]) ?? 0) + 1;
      if (n > this.maxFaultsPerMirror) return true;
      faults.set(op[8], n);
    }
    return false;
  }

  /** The code of op `op`'s k-th command. */
  opCode(op: number, k: number): number {
    return this.fixed.length + op * this.perOp + k;
  }

  /** The command a code names. */
  command(code: number): Command {
    if (code < this.fixed.length) return this.fixed[code]!;
    const rel = code - this.fixed.length;
    return this.ofOp(Math.floor(rel / this.perOp))[rel % this.perOp]!;
  }

  /** Codes of the commands tried in a state whose ops in flight are `ops`: the fixed ones, then each op's. */
  codesIn(ops: readonly number[], out: number[]): number[] {
    out.length = 0;
    for (let i = 0; i < this.fixed.length; i++) out.push(i);
    for (const op of ops) for (let k = 0; k < this.perOp; k++) out.push(this.opCode(op, k));
    return out;
  }
}
