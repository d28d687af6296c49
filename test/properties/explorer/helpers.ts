/**
 * Shared by the explorer's tests: the lockstep parts (model and implementation, a mutant
 * optionally), small scopes that keep each test within a second or two, and a key of the
 * observation alone (what the issue says the old explorer did) to show the soundness property
 * failing on a key that merges states it must not.
 */
import { createImplWorld } from '../../../impl/index.js';
import { createModelWorld } from '../../../model/index.js';
import type { Observation, StateSink, World, WorldConfig } from '../../../spec/index.js';
import { parseScope, type Scope } from '../../../properties/explorer/scope.js';
import type { SystemParts } from '../../../properties/explorer/system.js';
import { MemoryIsMemory, RULES } from '../../../properties/rules/index.js';

/** The model and the implementation (built with `mutant` when given) in lockstep, every rule. */
export function lockstepParts(mutant?: string): SystemParts {
  return {
    parts: [
      { name: 'model', factory: (c: WorldConfig) => createModelWorld(c) },
      { name: mutant === undefined ? 'impl' : `impl (mutant ${mutant})`, factory: (c: WorldConfig) => createImplWorld(c, mutant === undefined ? undefined : { mutant }) },
    ],
    rules: RULES,
    memory: () => new MemoryIsMemory(),
  };
}

/**
 * The implementation alone, every rule: what `explore --rules-only` explores, where the
 * implementation's own key (World.writeState) is the whole state key.
 */
export function implParts(): SystemParts {
  return {
    parts: [{ name: 'impl', factory: (c: WorldConfig) => createImplWorld(c) }],
    rules: RULES,
    memory: () => new MemoryIsMemory(),
  };
}

/** One mm, one vpn, two devices: faults, fences, migrations and dirty bits, a few thousand states to depth 5. */
export const SMALL_SCOPE: Scope = parseScope({
  devices: 2, mms: [0], vpns: [0], ranges: [[0, 1]], values: [1], prots: ['rw'], maxOpsInFlight: 2, maxFaultsPerMirror: 1,
  commands: { mmap: {}, read: {}, write: {}, migrate: {}, register: {}, unregister: {}, devRead: {}, devWrite: { values: [2] }, signal: {}, step: { choices: ['sync', 'fence'] }, finish: {} },
}, 'SMALL_SCOPE');

/** Like SMALL_SCOPE with a fork, a second mm and two vpns: commands on different mms commute. */
export const TWO_MM_SCOPE: Scope = parseScope({
  devices: 2, mms: [0, 1], vpns: [0], ranges: [[0, 1]], values: [1], prots: ['rw'], maxOpsInFlight: 2,
  commands: { mmap: { mms: [0] }, write: {}, fork: { mms: [0] }, register: {}, devRead: {}, devWrite: { values: [2] }, signal: {}, step: { choices: ['sync', 'fence'] } },
}, 'TWO_MM_SCOPE');

/**
 * A world whose key is its observation alone (SPEC §7, ids renamed): hidden state such as a
 * fault's walk records is left out, so states with different futures can get one key.
 */
export class ObservationKeyed implements World {
  constructor(private readonly inner: World) {}

  apply(...args: Parameters<World['apply']>): ReturnType<World['apply']> {
    return this.inner.apply(...args);
  }

  observe(): Observation {
    return this.inner.observe();
  }

  clone(): World {
    return new ObservationKeyed(this.inner.clone!());
  }

  writeState(s: StateSink): void {
    const o = this.inner.observe();
    for (const [mm, state, vmas, ptes] of o.mms) {
      s.int(mm);
      s.word(state);
      for (const [start, end, prot] of vmas) s.word(`${start} ${end} ${prot}`);
      for (const p of ptes) {
        s.int(p[0]);
        if (p[1] === 'P') s.pfn(p[2]);
        else s.int(p[2]);
      }
    }
    for (const [pfn, data, dirty, stored, mapcount] of o.pages) {
      s.pfn(pfn);
      s.word(`${data} ${dirty} ${stored} ${mapcount}`);
    }
    for (const [id, dev, mm, state, refs, pt, dpt] of o.mirrors) {
      s.mirror(id);
      s.word(`${dev} ${mm} ${state} ${refs}`);
      for (const p of [...pt, ...dpt]) {
        s.pfn(p[1]);
        s.word(`${p[0]} ${p[2]} ${p[3]}`);
      }
    }
    for (const [id, dev, mirror, op, state, refs] of o.fences) {
      s.fence(id);
      s.mirror(mirror);
      s.op(op);
      s.word(`${dev} ${state} ${refs}`);
    }
    for (const [dev, queue] of o.pending) for (const [fence, mirror, start, end] of queue) {
      s.fence(fence);
      s.mirror(mirror);
      s.word(`${dev} ${start} ${end}`);
    }
    for (const [id, kind, mm, start, end, phase, updated, backoff, mirror] of o.ops) {
      s.op(id);
      if (mirror !== null) s.mirror(mirror);
      s.word(`${kind} ${mm} ${start} ${end} ${phase} ${updated} ${backoff}`);
    }
  }
}

/** `parts` with each world keyed by its observation alone. */
export function observationKeyed(parts: SystemParts): SystemParts {
  return { ...parts, parts: parts.parts.map((p) => ({ name: p.name, factory: (c: WorldConfig) => new ObservationKeyed(p.factory(c)) })) };
}
