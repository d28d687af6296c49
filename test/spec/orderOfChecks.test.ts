/**
 * `ORDER_OF_CHECKS` (spec/orderOfChecks.ts) against the model and the implementation: every code
 * listed for a command is reached by that command (`reach`: one test per command and code, which
 * docs/semantics.md links to), each refusal changes nothing, the refusals come in SPEC §3's order
 * (EINVAL, existence, EBUSY, own conditions), every later code loses to EINVAL, two conditions
 * that can hold together give the earlier code (`order`), and random command mixes answer no
 * code that is not listed. Scenarios are worked from SPEC §3–§4 by hand.
 */
import { describe, expect, test } from 'vitest';
import {
  COMMAND_FIELDS, COMMAND_NAMES, ORDER_OF_CHECKS, VPN_LIMIT,
  type Command, type CommandName, type ErrorCode, type World,
} from '../../spec/index.js';
import { createModelWorld } from '../../model/index.js';
import { createImplWorld } from '../../impl/index.js';
import { prng, randomCommand } from '../../bench/modelMix.js';

interface Scenario { readonly cmd: CommandName; readonly setup: readonly Command[]; readonly command: Command }

const reached = new Map<string, Scenario>();
const ordered = new Set<string>();

function worlds(): [string, World][] {
  return [['model', createModelWorld()], ['impl', createImplWorld()]];
}

const isRefusal = (cmd: CommandName, code: ErrorCode): boolean => ORDER_OF_CHECKS[cmd].refusals.some((c) => c.code === code);

/** Runs `setup` (every result a success), then expects `command` to answer `code`; a refusal changes nothing. */
function expectCode(s: Scenario, code: ErrorCode): void {
  for (const [side, w] of worlds()) {
    for (const c of s.setup) expect(w.apply(c), `${side} setup ${JSON.stringify(c)}`).not.toHaveProperty('err');
    const before = w.observe();
    expect(w.apply(s.command), `${side} ${JSON.stringify(s.command)}`).toEqual({ err: code });
    if (isRefusal(s.cmd, code)) expect(w.observe(), `${side}: a refusal changes nothing`).toEqual(before);
  }
}

/** The command with its first integer field made 0.5: outside every domain of SPEC §3. */
function withBadValue(command: Command): Command {
  const field = Object.entries(COMMAND_FIELDS[command.cmd]).find(([, type]) => type === 'integer')![0];
  return { ...command, [field]: 0.5 } as Command;
}

/** `cmd` answers `code` after `setup`; a code other than EINVAL also loses to a bad value. One test each. */
function reach(cmd: CommandName, code: ErrorCode, setup: readonly Command[], command: Command): void {
  const s: Scenario = { cmd, setup, command };
  reached.set(`${cmd}:${code}`, s);
  test(`${cmd}: ${code}`, () => {
    expect(command.cmd).toBe(cmd);
    expectCode(s, code);
    if (code !== 'EINVAL') expectCode({ ...s, command: withBadValue(command) }, 'EINVAL');
  });
}

/** The conditions of every code in `holding` hold at once: the first one (in the list's order) is the answer. */
function order(cmd: CommandName, holding: readonly ErrorCode[], setup: readonly Command[], command: Command): void {
  for (let i = 1; i < holding.length; i++) ordered.add(`${cmd}:${holding[0]}>${holding[i]}`);
  test(`${cmd}: ${holding.join(' before ')}`, () => expectCode({ cmd, setup, command }, holding[0]!));
}

const mmap = (start: number, npages: number, prot: string, mm = 0): Command => ({ cmd: 'mmap', mm, start, npages, prot });
const migrate = (start: number, npages: number, mm = 0): Command => ({ cmd: 'migrate', mm, start, npages });
const register = (dev = 0, mm = 0): Command => ({ cmd: 'register', dev, mm });
const step = (op: number, choice?: string): Command => (choice === undefined ? { cmd: 'step', op } : { cmd: 'step', op, choice });
const EXIT0: Command = { cmd: 'exit', mm: 0 };
/** Op 1 is a migrate of [0,1) with one fence pending: its next step is a wait answered -EAGAIN. */
const FENCED = [mmap(0, 1, 'rw'), register(), migrate(0, 1), step(1), step(1, 'fence')];
/** Op 1 is a read fault of [0,1) that walked; mirror 1 is unregistered: its commit answers ENODEV. */
const MIRROR_GONE: Command[] = [mmap(0, 1, 'rw'), register(), { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, step(1), step(1), { cmd: 'unregister', dev: 0, mm: 0 }];
const WRITE_FAULT: Command = { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 7 };

describe('every listed code is reached by its command', () => {
  reach('mmap', 'EINVAL', [], mmap(0, 0, 'rw'));
  reach('mmap', 'ESRCH', [], mmap(0, 1, 'rw', 5));
  reach('mmap', 'EBUSY', [migrate(20, 2)], mmap(20, 1, 'r'));
  reach('mmap', 'EEXIST', [mmap(0, 2, 'r')], mmap(1, 4, 'rw'));
  reach('munmap', 'EINVAL', [], { cmd: 'munmap', mm: 0, start: -1, npages: 1 });
  reach('munmap', 'ESRCH', [], { cmd: 'munmap', mm: 3, start: 0, npages: 1 });
  reach('munmap', 'EBUSY', [migrate(0, 2)], { cmd: 'munmap', mm: 0, start: 1, npages: 1 });
  reach('mprotect', 'EINVAL', [], { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'RW' });
  reach('mprotect', 'ESRCH', [EXIT0], { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'r' });
  reach('mprotect', 'EBUSY', [mmap(0, 4, 'rw'), migrate(0, 1)], { cmd: 'mprotect', mm: 0, start: 0, npages: 2, prot: 'r' });
  reach('mprotect', 'ENOMEM', [mmap(0, 1, 'r')], { cmd: 'mprotect', mm: 0, start: 0, npages: 2, prot: 'r' });
  reach('read', 'EINVAL', [], { cmd: 'read', mm: 0, vpn: VPN_LIMIT });
  reach('read', 'ESRCH', [], { cmd: 'read', mm: 9, vpn: 0 });
  reach('read', 'EBUSY', [mmap(0, 1, 'rw'), migrate(0, 1)], { cmd: 'read', mm: 0, vpn: 0 });
  reach('read', 'EFAULT', [mmap(1, 1, 'none')], { cmd: 'read', mm: 0, vpn: 1 });
  reach('write', 'EINVAL', [], { cmd: 'write', mm: 0, vpn: 0, value: 2 ** 53 });
  reach('write', 'ESRCH', [EXIT0], { cmd: 'write', mm: 0, vpn: 0, value: 1 });
  reach('write', 'EBUSY', [mmap(0, 1, 'rw'), migrate(0, 1)], { cmd: 'write', mm: 0, vpn: 0, value: 1 });
  reach('write', 'EFAULT', [], { cmd: 'write', mm: 0, vpn: 0, value: 1 });
  reach('write', 'EPERM', [mmap(0, 1, 'r')], { cmd: 'write', mm: 0, vpn: 0, value: 1 });
  reach('fork', 'EINVAL', [], { cmd: 'fork', mm: 2 ** 53 });
  reach('fork', 'ESRCH', [], { cmd: 'fork', mm: 1 });
  reach('fork', 'EBUSY', [migrate(40, 1)], { cmd: 'fork', mm: 0 });
  reach('migrate', 'EINVAL', [], migrate(VPN_LIMIT - 1, 2));
  reach('migrate', 'ESRCH', [EXIT0], migrate(0, 1));
  reach('migrate', 'EBUSY', [migrate(0, 4)], migrate(3, 4));
  reach('writeback', 'EINVAL', [], { cmd: 'writeback', mm: 0, start: 0.5, npages: 1 });
  reach('writeback', 'ESRCH', [], { cmd: 'writeback', mm: -1, start: 0, npages: 1 });
  reach('writeback', 'EBUSY', [mmap(0, 1, 'rw'), { cmd: 'fork', mm: 0 }], { cmd: 'writeback', mm: 0, start: 100, npages: 1 });
  reach('reclaim', 'EINVAL', [], { cmd: 'reclaim', mm: 0, start: 0, npages: 0 });
  reach('reclaim', 'ESRCH', [], { cmd: 'reclaim', mm: 2, start: 0, npages: 1 });
  reach('reclaim', 'EBUSY', [mmap(0, 2, 'rw'), { cmd: 'munmap', mm: 0, start: 1, npages: 1 }], { cmd: 'reclaim', mm: 0, start: 0, npages: 2 });
  reach('exit', 'EINVAL', [], { cmd: 'exit', mm: 1.5 });
  reach('exit', 'ESRCH', [EXIT0], EXIT0);
  reach('exit', 'EBUSY', [mmap(0, 1, 'rw'), register(), { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }], EXIT0);
  reach('register', 'EINVAL', [], register(2, 0));
  reach('register', 'ESRCH', [], register(0, 4));
  reach('register', 'EEXIST', [register(1, 0)], register(1, 0));
  reach('unregister', 'EINVAL', [], { cmd: 'unregister', dev: -1, mm: 0 });
  reach('unregister', 'ENOENT', [register(1, 0)], { cmd: 'unregister', dev: 0, mm: 0 });
  reach('devRead', 'EINVAL', [register()], { cmd: 'devRead', dev: 0, mm: 0, vpn: 1.5 });
  reach('devRead', 'ENOENT', [], { cmd: 'devRead', dev: 1, mm: 0, vpn: 0 });
  reach('devWrite', 'EINVAL', [register()], { cmd: 'devWrite', dev: 0, mm: 0, vpn: 0, value: 0.5 });
  reach('devWrite', 'ENOENT', [register(0, 0), { cmd: 'unregister', dev: 0, mm: 0 }], WRITE_FAULT);
  reach('devFault', 'EINVAL', [register()], { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 0, write: true });
  reach('devFault', 'ENOENT', [register(), EXIT0], { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 1, write: false });
  reach('signal', 'EINVAL', [], { cmd: 'signal', dev: 0.5 });
  reach('signal', 'ENOENT', [], { cmd: 'signal', dev: 1 });
  reach('fail', 'EINVAL', FENCED, { cmd: 'fail', dev: 0, code: 'EAGAIN' });
  reach('fail', 'ENOENT', [], { cmd: 'fail', dev: 0, code: 'EIO' });
  reach('step', 'EINVAL', [migrate(0, 1)], step(1, 'maybe'));
  reach('step', 'ENOENT', [], step(1));
  reach('step', 'EAGAIN', FENCED, step(1));
  reach('step', 'EFAULT', [register(), { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, step(1)], step(1));
  reach('step', 'EPERM', [mmap(0, 1, 'r'), register(), WRITE_FAULT, step(1)], step(1));
  reach('step', 'ENODEV', MIRROR_GONE, step(1));
  reach('finish', 'EINVAL', [migrate(0, 1)], { cmd: 'finish', op: Number.NaN });
  reach('finish', 'ENOENT', [migrate(0, 1), { cmd: 'finish', op: 1 }], { cmd: 'finish', op: 1 });
  reach('finish', 'EAGAIN', FENCED, { cmd: 'finish', op: 1 });
  reach('finish', 'EFAULT', [mmap(1, 1, 'rw'), register(), { cmd: 'devFault', dev: 0, mm: 0, start: 0, npages: 2, write: false }], { cmd: 'finish', op: 1 });
  reach('finish', 'EPERM', [mmap(0, 1, 'r'), register(), WRITE_FAULT], { cmd: 'finish', op: 1 });
  reach('finish', 'ENODEV', MIRROR_GONE, { cmd: 'finish', op: 1 });
});

describe('two conditions at once: the earlier check answers', () => {
  order('mmap', ['EBUSY', 'EEXIST'], [mmap(0, 8, 'rw'), { cmd: 'munmap', mm: 0, start: 2, npages: 2 }], mmap(3, 1, 'rw'));
  order('mprotect', ['ESRCH', 'ENOMEM'], [EXIT0], { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'r' });
  order('mprotect', ['EBUSY', 'ENOMEM'], [migrate(0, 2)], { cmd: 'mprotect', mm: 0, start: 0, npages: 1, prot: 'none' });
  order('read', ['ESRCH', 'EFAULT'], [mmap(0, 1, 'rw'), EXIT0], { cmd: 'read', mm: 0, vpn: 0 });
  order('read', ['EBUSY', 'EFAULT'], [migrate(0, 1)], { cmd: 'read', mm: 0, vpn: 0 });
  order('write', ['ESRCH', 'EFAULT'], [EXIT0], { cmd: 'write', mm: 0, vpn: 0, value: 1 });
  order('write', ['EBUSY', 'EFAULT'], [migrate(0, 1)], { cmd: 'write', mm: 0, vpn: 0, value: 1 });
  order('write', ['EBUSY', 'EPERM'], [mmap(0, 1, 'r'), migrate(0, 1)], { cmd: 'write', mm: 0, vpn: 0, value: 1 });
  order('write', ['EFAULT', 'EPERM'], [mmap(0, 1, 'none')], { cmd: 'write', mm: 0, vpn: 0, value: 1 });
  // Inside one step (SPEC §4.3): on one page EFAULT before EPERM; at commit backoff before a mirror that is gone.
  order('step', ['EFAULT', 'EPERM'], [mmap(0, 1, 'none'), register(), WRITE_FAULT, step(1)], step(1));
  order('step', ['EAGAIN', 'ENODEV'], [...MIRROR_GONE.slice(0, 5), { cmd: 'munmap', mm: 0, start: 0, npages: 1 }, step(2), { cmd: 'unregister', dev: 0, mm: 0 }], step(1));
});

/** Refusal pairs that cannot hold at once, and why: their order cannot be observed. */
const EXCLUSIVE: Readonly<Record<string, string>> = {
  'ESRCH>EBUSY': 'a missing mm has no op, and exit needs every op of the mm ended, so a dead mm has none',
  'mmap:ESRCH>EEXIST': 'a missing or dead mm has no vma',
  'write:ESRCH>EPERM': 'a missing or dead mm has no vma',
  'register:ESRCH>EEXIST': 'exit releases every mirror of the mm, so a dead mm has no live mirror',
};

describe('the table itself', () => {
  test('every listed code of every command has its reach test, and nothing else has one', () => {
    const listed = COMMAND_NAMES.flatMap((cmd) => [...ORDER_OF_CHECKS[cmd].refusals, ...ORDER_OF_CHECKS[cmd].stepErrors].map((c) => `${cmd}:${c.code}`));
    expect([...reached.keys()].sort()).toEqual([...listed].sort());
  });

  test("refusals follow SPEC §3's order: EINVAL, existence, EBUSY, the command's own conditions", () => {
    const rank = (code: ErrorCode): number => (code === 'EINVAL' ? 0 : code === 'ESRCH' || code === 'ENOENT' ? 1 : code === 'EBUSY' ? 2 : 3);
    for (const cmd of COMMAND_NAMES) {
      const codes = ORDER_OF_CHECKS[cmd].refusals.map((c) => c.code);
      expect(codes[0], cmd).toBe('EINVAL');
      expect(codes.filter((c) => rank(c) === 1), `${cmd}: one existence check`).toHaveLength(1);
      expect([...codes].sort((a, b) => rank(a) - rank(b)), cmd).toEqual(codes);
      expect(new Set(codes).size, cmd).toBe(codes.length);
    }
  });

  test('every pair of refusals after EINVAL is shown in order, or cannot hold at once', () => {
    for (const cmd of COMMAND_NAMES) {
      const codes = ORDER_OF_CHECKS[cmd].refusals.map((c) => c.code).slice(1);
      for (let i = 0; i < codes.length; i++) {
        for (let j = i + 1; j < codes.length; j++) {
          const pair = `${codes[i]}>${codes[j]}`;
          expect(ordered.has(`${cmd}:${pair}`) || EXCLUSIVE[`${cmd}:${pair}`] !== undefined || EXCLUSIVE[pair] !== undefined, `${cmd}: ${pair}`).toBe(true);
        }
      }
    }
  });

  test('order tests list their codes in the table order', () => {
    for (const key of ordered) {
      const [cmd, pair] = key.split(':') as [CommandName, string];
      const [a, b] = pair.split('>') as [ErrorCode, ErrorCode];
      const listed = ORDER_OF_CHECKS[cmd].refusals.map((c) => c.code);
      if (listed.includes(a) && listed.includes(b)) expect(listed.indexOf(a), key).toBeLessThan(listed.indexOf(b));
    }
  });

  test('random command mixes (some with a bad value) answer only listed codes', () => {
    for (const [side, make] of [['model', () => createModelWorld()], ['impl', () => createImplWorld()]] as const) {
      const rand = prng(15);
      const seen = new Set<string>();
      for (let run = 0; run < 10; run++) {
        const w = make();
        let nextOp = 1;
        for (let i = 0; i < 300; i++) {
          const c = randomCommand(rand, nextOp);
          const command = rand() < 0.05 ? withBadValue(c) : c;
          const r = w.apply(command);
          if ('op' in r) nextOp = r.op + 1;
          if (!('err' in r)) continue;
          const checks = ORDER_OF_CHECKS[command.cmd];
          expect([...checks.refusals, ...checks.stepErrors].map((x) => x.code), `${side} ${JSON.stringify(command)}`).toContain(r.err);
          seen.add(`${command.cmd}:${r.err}`);
        }
      }
      expect(seen.size, `${side}: the mix answers many codes`).toBeGreaterThan(45);
    }
  });
});
