/**
 * The commands the explorer tries in a state (SPEC §3 commands over the `Scope`): a fixed list
 * for the CPU, mirror and device commands, plus one `step` per op in flight and driver answer.
 * Ops are named by the ids the state's `ops` lists (SPEC §7); naming an op not in flight only
 * gives ENOENT and changes nothing, so it is left out. `finish` is left out: it is a sequence
 * of `step`s with `sync` (SPEC §3), which the explorer already tries one at a time.
 */
import type { Command } from '../../spec/index.js';
import type { Scope } from './scope.js';

/** The state-independent commands of a scope, in a fixed order (the order BFS tries them). */
export function fixedCommands(s: Scope): readonly Command[] {
  const { mm, pages: npages } = s;
  const vpns = Array.from({ length: s.pages }, (_, v) => v);
  const devs = Array.from({ length: s.devices }, (_, d) => d);
  const out: Command[] = [];
  for (const prot of s.prots) out.push({ cmd: 'mmap', mm, start: 0, npages, prot });
  out.push({ cmd: 'munmap', mm, start: 0, npages });
  for (const prot of s.prots) out.push({ cmd: 'mprotect', mm, start: 0, npages, prot });
  for (const vpn of vpns) out.push({ cmd: 'read', mm, vpn });
  for (const vpn of vpns) for (const value of s.values) out.push({ cmd: 'write', mm, vpn, value });
  out.push({ cmd: 'migrate', mm, start: 0, npages }, { cmd: 'writeback', mm, start: 0, npages }, { cmd: 'reclaim', mm, start: 0, npages });
  for (const dev of devs) out.push({ cmd: 'register', dev, mm }, { cmd: 'unregister', dev, mm });
  for (const dev of devs) for (const vpn of vpns) out.push({ cmd: 'devRead', dev, mm, vpn });
  for (const dev of devs) for (const vpn of vpns) for (const value of s.values) out.push({ cmd: 'devWrite', dev, mm, vpn, value });
  for (const dev of devs) out.push({ cmd: 'signal', dev });
  for (const dev of devs) for (const code of s.failCodes) out.push({ cmd: 'fail', dev, code });
  return out;
}

/** One `step` per op in flight (ascending id) and per driver answer of the scope. */
export function stepCommands(s: Scope, opsInFlight: readonly number[]): Command[] {
  const out: Command[] = [];
  for (const op of opsInFlight) for (const choice of s.choices) out.push({ cmd: 'step', op, choice });
  return out;
}

/**
 * The commands of a scope, each made once for the whole exploration, so that a command is one
 * object wherever it is tried (the memoryIsMemory steps are remembered by command identity).
 */
export class ScopeCommands {
  readonly fixed: readonly Command[];
  private readonly steps = new Map<number, readonly Command[]>();

  constructor(private readonly scope: Scope) {
    this.fixed = fixedCommands(scope);
  }

  /** The commands tried in a state whose ops in flight are `ops` (ascending): the fixed ones, then the steps. */
  inState(ops: readonly number[]): readonly Command[] {
    if (ops.length === 0) return this.fixed;
    const out = this.fixed.slice();
    for (const op of ops) for (const c of this.stepsOf(op)) out.push(c);
    return out;
  }

  private stepsOf(op: number): readonly Command[] {
    let steps = this.steps.get(op);
    if (steps === undefined) {
      steps = stepCommands(this.scope, [op]);
      this.steps.set(op, steps);
    }
    return steps;
  }
}
