/**
 * The feature map of the issue's coverage-guided generation: what one command did, as a few
 * strings, in the spirit of AFL's edge coverage but over interleavings of HMM. A feature is
 * `what>result|others|ptes`:
 * - what: the command's kind; for `step`/`finish` the op's history as far as the observation
 *   shows it (the depth a race builds up): kind, phase before and after, for an invalidation the
 *   updates done and its fences' states and the driver's choice for an update
 *   (`step:migrate:update→update:u1:fp:fence`), for a fault whether it backs off
 *   (`step:rfault:walk!→end`);
 * - result: `ok`, `op`, or the error code (SPEC §3); a command refused with an error changed
 *   nothing, so it gives this part alone;
 * - others: the phases of the other in-flight ops of the same mm whose ranges overlap the
 *   command's, SPEC §4's interleavings: the furthest phase of an overlapping invalidation and
 *   of an overlapping fault (`inv:update/fault:walk!`, `!` = one backs off);
 * - ptes: for a touched vpn, the state of its pte in the CPU table (absent `-`, swapped `s`,
 *   read-only `r` or writable `w`, page dirty `d` or clean `c`, shared `s`), then for each
 *   concerned mirror its mirror and device ptes (absent `-`, `w`/`r`, `d`/`c`, `~` when the pfn
 *   differs from the CPU's, resp. the mirror's).
 * A command touching several mapped vpns gives one feature per vpn (at most `MAX_VPNS`).
 * Observations are small: plain scans, no index built per command.
 */
import { VPN_LIMIT, isFaultKind, type Command, type MirrorObs, type Observation, type OpObs, type PteObs, type Result } from '../../spec/index.js';

/** At most this many vpns of a range give a feature each. */
export const MAX_VPNS = 4;

/** What a command acts on: an mm, a range, the mirrors concerned, and the op it drives. */
interface Context {
  readonly mm: number;
  readonly start: number;
  readonly end: number;
  readonly mirrors: readonly MirrorObs[];
  readonly self?: number;
}

const WHOLE = { start: 0, end: VPN_LIMIT };

function mirrorsOf(o: Observation, mm: number, dev?: number): MirrorObs[] {
  return o.mirrors.filter((m) => m[2] === mm && m[3] === 'live' && (dev === undefined || m[1] === dev));
}

const opOf = (o: Observation, id: number): OpObs | undefined => o.ops.find((op) => op[0] === id);

function contextOf(o: Observation, c: Command): Context | undefined {
  switch (c.cmd) {
    case 'mmap': case 'munmap': case 'mprotect': case 'migrate': case 'writeback': case 'reclaim':
      return { mm: c.mm, start: c.start, end: c.start + c.npages, mirrors: mirrorsOf(o, c.mm) };
    case 'read': case 'write':
      return { mm: c.mm, start: c.vpn, end: c.vpn + 1, mirrors: mirrorsOf(o, c.mm) };
    case 'fork': case 'exit':
      return { mm: c.mm, ...WHOLE, mirrors: mirrorsOf(o, c.mm) };
    case 'register': case 'unregister':
      return { mm: c.mm, ...WHOLE, mirrors: mirrorsOf(o, c.mm, c.dev) };
    case 'devRead': case 'devWrite':
      return { mm: c.mm, start: c.vpn, end: c.vpn + 1, mirrors: mirrorsOf(o, c.mm, c.dev) };
    case 'devFault':
      return { mm: c.mm, start: c.start, end: c.start + c.npages, mirrors: mirrorsOf(o, c.mm, c.dev) };
    case 'signal': case 'fail': {
      const entry = o.pending.find(([dev]) => dev === c.dev)?.[1][0];
      const m = entry === undefined ? undefined : o.mirrors.find((x) => x[0] === entry[1]);
      return entry === undefined || m === undefined ? undefined : { mm: m[2], start: entry[2], end: entry[3], mirrors: [m] };
    }
    case 'step': case 'finish': {
      const op = opOf(o, c.op);
      if (op === undefined) return undefined;
      const own = op[8] === null ? undefined : o.mirrors.find((x) => x[0] === op[8]);
      return { mm: op[2], start: op[3], end: op[4], mirrors: own === undefined ? mirrorsOf(o, op[2]) : [own], self: op[0] };
    }
  }
}

/** The fences of op `id` as a sorted string of their states' initials (`ps`: one pending, one signaled). */
function fencesOf(o: Observation, id: number): string {
  return o.fences.filter((f) => f[3] === id).map((f) => f[4][0]).sort().join('');
}

function whatOf(before: Observation, after: Observation, c: Command): string {
  if (c.cmd !== 'step' && c.cmd !== 'finish') return c.cmd;
  const op = opOf(before, c.op);
  if (op === undefined) return `${c.cmd}:none`;
  const then = opOf(after, c.op)?.[5] ?? 'end';
  if (isFaultKind(op[1])) return `${c.cmd}:${op[1]}:${op[5]}${op[7] ? '!' : ''}→${then}`;
  const updating = (op[5] === 'start' || op[5] === 'update') && c.cmd === 'step';
  return `${c.cmd}:${op[1]}:${op[5]}→${then}:u${op[6]}:f${fencesOf(before, op[0])}${updating ? `:${c.choice ?? 'sync'}` : ''}`;
}

const resultTag = (r: Result): string => ('err' in r ? r.err : 'ok' in r ? 'ok' : 'op');

const INV_PHASES = ['created', 'start', 'update', 'wait', 'commit', 'apply'];
const FAULT_PHASES = ['created', 'start', 'walk'];

/** The furthest phase of an overlapping invalidation and of an overlapping fault (`!`: one backs off). */
function othersOf(o: Observation, ctx: Context): string {
  let inv = -1;
  let fault = -1;
  let backoff = false;
  for (const op of o.ops) {
    if (op[0] === ctx.self || op[2] !== ctx.mm || op[3] >= ctx.end || ctx.start >= op[4]) continue;
    if (isFaultKind(op[1])) {
      fault = Math.max(fault, FAULT_PHASES.indexOf(op[5]));
      backoff ||= op[7];
    } else inv = Math.max(inv, INV_PHASES.indexOf(op[5]));
  }
  return `inv:${inv < 0 ? '-' : INV_PHASES[inv]}/fault:${fault < 0 ? '-' : FAULT_PHASES[fault]}${backoff ? '!' : ''}`;
}

const pteAt = (table: readonly PteObs[], vpn: number): PteObs | undefined => table.find((p) => p[0] === vpn);

const pteText = (p: PteObs | undefined, pfn: number | undefined): string =>
  p === undefined ? '-' : `${p[2] ? 'w' : 'r'}${p[3] ? 'd' : 'c'}${p[1] === pfn ? '' : '~'}`;

/** `wd|rc~/-`: the CPU pte, then each concerned mirror's mirror/device ptes at `vpn`. */
function pteState(o: Observation, ctx: Context, vpn: number): string {
  const pte = o.mms.find((m) => m[0] === ctx.mm)?.[3].find((p) => p[0] === vpn);
  let cpu = '-';
  let pfn: number | undefined;
  if (pte !== undefined && pte[1] === 'S') cpu = 's';
  if (pte !== undefined && pte[1] === 'P') {
    const p = pte[2];
    pfn = p;
    const page = o.pages.find((g) => g[0] === p);
    cpu = `${pte[3] ? 'w' : 'r'}${page?.[2] ? 'd' : 'c'}${(page?.[4] ?? 1) > 1 ? 's' : ''}`;
  }
  const mirrors = new Set(ctx.mirrors.map((m) => {
    const mp = pteAt(m[5], vpn);
    return `${pteText(mp, pfn)}/${pteText(pteAt(m[6], vpn), mp?.[1] ?? pfn)}`;
  }));
  return `${cpu}|${[...mirrors].sort().join(',')}`;
}

/** The vpns of the range that some table of the context maps, the range's start first, at most MAX_VPNS. */
function touchedVpns(o: Observation, ctx: Context): number[] {
  const vpns = new Set<number>();
  if (ctx.start < VPN_LIMIT && ctx.start >= 0) vpns.add(ctx.start);
  const consider = (vpn: number): void => {
    if (vpns.size < MAX_VPNS && vpn >= ctx.start && vpn < ctx.end) vpns.add(vpn);
  };
  for (const p of o.mms.find((m) => m[0] === ctx.mm)?.[3] ?? []) consider(p[0]);
  for (const m of ctx.mirrors) for (const p of m[6]) consider(p[0]);
  return [...vpns];
}

/** A command refused at SPEC §3's checks (1)–(4) changed nothing: its context is noise. */
const refused = (c: Command, r: Result): boolean => 'err' in r && c.cmd !== 'step' && c.cmd !== 'finish';

/** The features of `command`, which turned `before` into `after` with `result`. */
export function featuresOf(before: Observation, command: Command, result: Result, after: Observation): string[] {
  const head = `${whatOf(before, after, command)}>${resultTag(result)}`;
  if (refused(command, result)) return [head];
  const ctx = contextOf(before, command);
  if (ctx === undefined) return [head];
  const others = othersOf(before, ctx);
  const vpns = touchedVpns(before, ctx);
  if (vpns.length === 0) return [`${head}|${others}`];
  return vpns.map((vpn) => `${head}|${others}|${pteState(before, ctx, vpn)}`);
}
