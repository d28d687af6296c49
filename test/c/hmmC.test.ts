/**
 * The C implementation (`c/`, issue 12 part 3): it builds with warnings as errors, holds to the
 * model in lockstep through the process protocol and on every worked example and scenario, speaks
 * the protocol's edge cases as docs/protocol.md says, walks huge ranges in time proportional to
 * what is mapped, and each of its mutants is killed by the checker through the protocol.
 *
 * One file on purpose: the builds share c/build/, and vitest runs files in parallel.
 */
import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { replay, runJson } from '../protocol/harness.js';
import { HMM_C, listMutants, make, mutantBinary, session } from './cBuild.js';

const HELLO = { hello: 1, config: { devices: 2 } };

beforeAll(() => {
  // -B: every file compiled now, so a warning anywhere (-Werror) fails this run.
  const release = make('-B');
  expect(release.output).not.toMatch(/warning:|error:/);
  expect(release.status).toBe(0);
  const mutants = make('mutants');
  expect(mutants.status, mutants.output).toBe(0);
});

describe('c/hmm-c in lockstep with the model', () => {
  it('passes a run with every part observed and every rule checked, self-check included', async () => {
    const { code, report } = await runJson(['--impl', HMM_C, '--runs', '150', '--steps', '100']);
    expect(report.counterexample?.failure).toBeUndefined();
    expect(code).toBe(0);
    expect(report.implementation).toMatchObject({ name: 'hmm-c 1.0', selfCheck: true });
    expect(report.skippedRules).toEqual([]);
  });

  it('replays every worked example and scenario', async () => {
    const traces = [
      ...readdirSync('test/fixtures/examples').filter((f) => f.endsWith('.ndjson')).map((f) => `test/fixtures/examples/${f}`),
      ...readdirSync('scenarios').filter((f) => f.endsWith('.ndjson')).map((f) => `scenarios/${f}`),
    ];
    expect(traces.length).toBeGreaterThanOrEqual(16);
    for (const trace of traces) {
      const o = await replay([trace, '--impl', HMM_C]);
      expect(o.out, trace).toMatch(/^PASS /);
      expect(o.code, trace).toBe(0);
    }
  });
});

describe('c/hmm-c speaks docs/protocol.md', () => {
  it('answers hello with every part and starts from SPEC §7\'s initial observation, for each device count', () => {
    const { lines, status } = session([HELLO, { observe: 1 }, { reset: 1, config: { devices: 3 } }, { observe: 1 }]);
    expect(JSON.parse(lines[0])).toEqual({
      hello: 1, name: 'hmm-c 1.0', selfCheck: true,
      observes: ['mms', 'pages', 'mirrors', 'fences', 'pending', 'ops', 'warnings', 'violations', 'next'],
    });
    // SPEC §7, verbatim in canonical form.
    expect(lines[1]).toBe('{"mms":[[0,"live",[],[]]],"pages":[],"mirrors":[],"fences":[],"pending":[[0,[]],[1,[]]],"ops":[],"warnings":0,"violations":[],"next":{"pfn":1,"mirror":1,"op":1,"fence":1,"mm":1}}');
    expect(lines[2]).toBe('{"ready":1}');
    expect(JSON.parse(lines[3]).pending).toEqual([[0, []], [1, []], [2, []]]);
    expect(status).toBe(0);
  });

  it('reads numbers as JavaScript does: safe integers pass whole, anything else is EINVAL', () => {
    const mm0 = (cmd: string, rest: string): string => `{"cmd":"${cmd}","mm":0,${rest}}`;
    const { lines } = session([
      HELLO,
      mm0('mmap', '"start":0,"npages":1,"prot":"rw"'),
      mm0('write', '"vpn":0,"value":-9007199254740991'),
      mm0('read', '"vpn":0'),
      mm0('write', '"vpn":0,"value":9007199254740993'),   // nearest double 2^53: not safe
      mm0('write', '"vpn":0,"value":1e+21'),
      mm0('read', '"vpn":0.5'),
      mm0('read', '"vpn":68719476736'),                    // 2^36: outside the vpn space
      mm0('mprotect', '"start":0,"npages":1,"prot":"r\\u0077"'), // "rw" escaped: outside every domain
    ]);
    expect(lines.slice(1)).toEqual(['{"ok":0}', '{"ok":0}', '{"ok":-9007199254740991}', '{"err":"EINVAL"}', '{"err":"EINVAL"}', '{"err":"EINVAL"}', '{"err":"EINVAL"}', '{"err":"EINVAL"}']);
  });

  it('answers {"error":...} to what is not a request, and exits 0 when stdin closes', () => {
    const { lines, status } = session([
      { observe: 1 },                                   // before hello
      { hello: 2, config: { devices: 2 } },             // another protocol version
      HELLO,
      'not json',
      { cmd: 'read', mm: 0 },                           // a missing field
      { cmd: 'read', mm: 0, vpn: '3' },                 // a field of the wrong JSON type
      { cmd: 'teleport', mm: 0 },
      { reset: 1, config: { devices: 9 } },             // SPEC §1: 1 to 8 devices
    ]);
    expect(lines).toHaveLength(8);
    lines.filter((_, i) => i !== 2).forEach((l) => expect(Object.keys(JSON.parse(l))).toEqual(['error']));
    expect(status).toBe(0);
  });

  it('unmaps, reclaims and forks the whole vpn space in time proportional to the pages mapped', () => {
    // SPEC §1: ranges reach 2^36 pages. Three pages mapped: every walk must touch three ptes,
    // so this session ends well within its timeout whatever the machine.
    const all = { mm: 0, start: 0, npages: 2 ** 36 };
    const vpns = [0, 2 ** 35, 2 ** 36 - 1];
    const { lines, status } = session([
      HELLO,
      { cmd: 'mmap', ...all, prot: 'rw' },
      ...vpns.map((vpn) => ({ cmd: 'write', mm: 0, vpn, value: 7 })),
      { cmd: 'register', dev: 0, mm: 0 },
      { cmd: 'devFault', dev: 0, mm: 0, start: 2 ** 35, npages: 1, write: true },
      { cmd: 'finish', op: 1 },
      { cmd: 'writeback', ...all }, { cmd: 'finish', op: 2 },
      { cmd: 'fork', mm: 0 }, { cmd: 'finish', op: 3 },
      { cmd: 'reclaim', ...all }, { cmd: 'finish', op: 4 },
      { cmd: 'munmap', ...all }, { cmd: 'finish', op: 5 },
      { observe: 1 },
    ], [], 20_000);
    expect(status).toBe(0);
    // fork's child (mm 1) keeps the three pages; mm 0 is empty; reclaim skipped the shared pages.
    const o = JSON.parse(lines.at(-1)!);
    expect(o.mms[0][3]).toEqual([]);
    expect(o.mms[1][3].map((p: unknown[]) => p[0])).toEqual(vpns);
    expect(o.mirrors[0][5]).toEqual([]);
    expect(lines.slice(-10, -1)).toEqual(['{"ok":0}', '{"op":2}', '{"ok":0}', '{"op":3}', '{"ok":1}', '{"op":4}', '{"ok":0}', '{"op":5}', '{"ok":0}']);
  });
});

/**
 * Each C mutant (c/README.md) and where SPEC says it must first show: a wait on a pending fence
 * answers EAGAIN (§4.2); HMM unrefs a fence exactly once (§4.2, driverSaw §6); a failed fence kills
 * its mirror whatever the code and a code other than EIO is a warning (§4.2); the reporting rule and
 * commit carry device writes to pages (§2, §4.2), and from them to swap at reclaim (a swapped pte's
 * data in mms); a migrated page keeps its dirty bit (§3). The last
 * leaves the observation intact: only the implementation's self-check (rule ptStructure) sees it.
 */
const KILLS: Record<string, { kinds: string[]; where: RegExp }> = {
  eagain_done: { kinds: ['result', 'observation'], where: /model \{"err":"EAGAIN"\}, impl \{"ok":0\}|fences/ },
  fence_unref_twice: { kinds: ['observation'], where: /unrefFreedFence/ },
  fail_code_success: { kinds: ['observation'], where: /mirrors|warnings/ },
  device_dirty_lost: { kinds: ['observation'], where: /pages|mirrors|mms/ },
  harvest_after_mask: { kinds: ['observation'], where: /pages|mms/ },
  migrate_drops_dirty: { kinds: ['observation'], where: /pages|mms/ },
  pt_clear_keeps_count: { kinds: ['rule'], where: /rule ptStructure broke .*directory counts \d+ entries but holds \d+/ },
};

describe('C mutants, each killed by hmm-check run --impl', () => {
  it('the Makefile builds exactly the mutants listed here', () => {
    expect(listMutants().sort()).toEqual(Object.keys(KILLS).sort());
  });

  for (const [name, { kinds, where }] of Object.entries(KILLS)) {
    it(name, async () => {
      const { code, report } = await runJson(['--impl', mutantBinary(name), '--runs', '150', '--steps', '200']);
      expect(code).toBe(1);
      const failure = report.counterexample!.failure;
      expect(kinds).toContain(failure.kind);
      expect([failure.message, ...(failure.diff ?? [])].join('\n')).toMatch(where);
    });
  }
});
