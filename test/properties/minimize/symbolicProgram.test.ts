/**
 * Ids as references (properties/minimize/symbolicProgram.ts): when a command is dropped, the
 * ids handed out after it shift (SPEC §1: counters never reuse a value; a fork's child takes the
 * next mm number when it appears), and the commands that named them follow. Expected programs
 * derived by hand from SPEC §1 and §3.
 */
import { describe, expect, it } from 'vitest';
import { createModelWorld } from '../../../model/index.js';
import { runCandidate, symbolize, type Counters, type MinimizeSystem, type SymbolicCommand } from '../../../properties/minimize/index.js';
import type { Command, World } from '../../../spec/index.js';

/** A world as a minimizer's system: no checks, no drain. */
class WorldSystem implements MinimizeSystem {
  constructor(private readonly world: World) {}
  apply(command: Command): void {
    this.world.apply(command);
  }
  drain(): void {}
  get next(): Counters {
    const { mm, op } = this.world.observe().next;
    return { mm, op };
  }
}

/** The program with references, from a run on a fresh model. */
function symbolic(program: readonly Command[]): SymbolicCommand[] {
  const system = new WorldSystem(createModelWorld({ devices: 2 }));
  const counters = program.map((c): [Counters, Counters] => {
    const before = system.next;
    system.apply(c);
    return [before, system.next];
  });
  return symbolize(program, counters);
}

/** The commands a candidate (the program without `drop`) runs, resolved. */
function without(program: readonly Command[], drop: number): Command[] {
  const s = symbolic(program).filter((x) => x.origin !== drop);
  return runCandidate(s, new WorldSystem(createModelWorld({ devices: 2 })), false).commands;
}

describe('ids as references', () => {
  const ops: Command[] = [
    { cmd: 'register', dev: 0, mm: 0 }, // mirror 1
    { cmd: 'migrate', mm: 0, start: 0, npages: 1 }, // op 1 (a migrate always runs an op)
    { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, // no device pte: rfault op 2
    { cmd: 'step', op: 2 },
    { cmd: 'finish', op: 1 },
  ];

  it('keeps every id when nothing is dropped', () => {
    expect(runCandidate(symbolic(ops), new WorldSystem(createModelWorld({ devices: 2 })), false).commands).toEqual(ops);
  });

  it('renumbers the ops handed out after a dropped command; a reference to it names an op not handed out yet', () => {
    // Without the migrate, the devRead's fault is op 1; finish(op of the migrate) names op 2, which does not exist yet (ENOENT).
    expect(without(ops, 1)).toEqual([
      { cmd: 'register', dev: 0, mm: 0 },
      { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 },
      { cmd: 'step', op: 1 },
      { cmd: 'finish', op: 2 },
    ]);
  });

  it('renumbers a fork child: it takes the next mm number when it appears', () => {
    const forks: Command[] = [
      { cmd: 'fork', mm: 0 }, // no rw vma: the child mm 1 at once
      { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' },
      { cmd: 'fork', mm: 0 }, // WRITE_PROTECT op 1
      { cmd: 'finish', op: 1 }, // the child mm 2 appears at apply
      { cmd: 'register', dev: 0, mm: 2 },
      { cmd: 'exit', mm: 1 },
    ];
    // Without the first fork, the second fork's child is mm 1; exit(mm of the first fork) names an mm not created yet.
    expect(without(forks, 0)).toEqual([
      { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' },
      { cmd: 'fork', mm: 0 },
      { cmd: 'finish', op: 1 },
      { cmd: 'register', dev: 0, mm: 1 },
      { cmd: 'exit', mm: 2 },
    ]);
  });

  it('keeps values that are no ids (EINVAL material) as they are', () => {
    const odd: Command[] = [{ cmd: 'step', op: 0.5 }, { cmd: 'read', mm: -1, vpn: 0 }, { cmd: 'register', dev: 0, mm: 0 }];
    expect(without(odd, 2)).toEqual([{ cmd: 'step', op: 0.5 }, { cmd: 'read', mm: -1, vpn: 0 }]);
  });
});
