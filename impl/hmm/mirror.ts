/**
 * A mirror (SPEC §2, §5): the seed's struct hmm_mirror with its mirror page table (`pt`, HMM's
 * record) and the device page table the device simulator keeps for it (`devicePt`).
 * Lifecycle: live → unregistered | released | killed → freed at refs 0 (hmm_mirror_unref).
 */
import type { MirrorState } from '../../spec/index.js';
import type { Mm } from '../cpu/mm.js';
import { HmmPt } from '../pagetable/hmmPt.js';
import type { DirPool } from '../pagetable/pool.js';
import type { Core } from '../world/core.js';
import { bugOn } from './bugOn.js';

export class Mirror {
  state: MirrorState = 'live';
  /** In-flight ops holding it: device faults from creation to end, events from start to end. */
  refs = 0;
  /** Mirror page table: VALID|WRITE|DIRTY|pfn. */
  readonly pt: HmmPt;
  /** Device page table (owned by the device simulator): VALID|WRITE|DIRTY|pfn. */
  readonly devicePt: HmmPt;

  constructor(readonly id: number, readonly dev: number, readonly mm: Mm, pool: DirPool) {
    this.pt = new HmmPt(pool);
    this.devicePt = new HmmPt(pool);
  }
}

/** hmm_mirror_register: a new live mirror appended to the mm's list (SPEC §3 register). */
export function registerMirror(core: Core, mm: Mm, dev: number): Mirror {
  const m = new Mirror(core.nextMirror++, dev, mm, core.pool);
  core.mirrors.set(m.id, m);
  mm.mirrors.push(m);
  mm.mirrorByDev[dev] = m;
  return m;
}

/** Takes the mirror off its mm's list (it stops being live for new events and lookups). */
export function unlinkMirror(m: Mirror): void {
  const mm = m.mm;
  mm.mirrors = mm.mirrors.filter((x) => x !== m);
  if (mm.mirrorByDev[m.dev] === m) mm.mirrorByDev[m.dev] = null;
}

/** Why a live mirror ends (SPEC §5): unregister, exit of its mm, update error or failed fence. */
export type MirrorEnd = 'unregistered' | 'released' | 'killed';

/**
 * Ends a live mirror's life (SPEC §5, INTERPRETATION 10): teardown through the ops table, state
 * `to`, off the list; release and kill call the driver's release once; freed at refs 0.
 */
export function endMirror(core: Core, m: Mirror, to: MirrorEnd): void {
  bugOn(m.state !== 'live', () => `mirror invariant: ending mirror ${m.id} in state ${m.state}`);
  core.hmm.teardownMirror(core, m, to);
  unlinkMirror(m);
  m.state = to;
  if (to !== 'unregistered') core.driver.release(core, m);
  freeIfUnused(core, m);
}

/** hmm_mirror_unref: drops one ref; a mirror that is not live is freed at refs 0. */
export function unrefMirror(core: Core, m: Mirror): void {
  bugOn(m.refs <= 0, () => `mirror invariant: unref of mirror ${m.id} at refs ${m.refs}`);
  m.refs--;
  freeIfUnused(core, m);
}

function freeIfUnused(core: Core, m: Mirror): void {
  if (m.refs === 0 && m.state !== 'live' && m.state !== 'freed') {
    m.state = 'freed';
    core.mirrors.delete(m.id);
  }
}
