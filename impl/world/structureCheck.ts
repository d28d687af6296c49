/**
 * The implementation's structural self-check (World.checkStructure), done incrementally so that
 * a check after a command costs in proportion to what the command changed, not to the world:
 * replaying a trace checks it after every line, and a world of 2,000 forked mms would otherwise
 * be walked whole 2,000 times.
 *
 * It reaches the verdict `checkWorld` (checkWorld.ts, the full check, which it runs on its first
 * call) would, from what it remembers: each table's directories at its last check (and so the
 * owner of every directory in use), re-walking only the tables marked changed
 * (`HmmPt.takeChange`), and checking only the pool slots freed since (`DirPool.takeFreed`).
 * - a table not changed since its last check still reaches the directories it reached then;
 * - "reachable twice": a directory a changed table reaches that another table owns;
 * - "used = reachable": the pool's count against the sum of the tables' directory counts;
 * - "free slots are zero": every slot freed since, and every slot a changed table let go of.
 * The per-mm and per-mirror conditions (ops listed, active events, live mirrors, refs) cost a
 * few comparisons per entity and are checked every time.
 */
import type { HmmPt } from '../pagetable/hmmPt.js';
import { checkFreeSlot, checkTable, expectHolds } from '../pagetable/check.js';
import { checkEntities, checkWorld } from './checkWorld.js';
import type { Core } from './core.js';

interface TableState {
  /** Directories the table reached at its last check. */
  dirs: readonly number[];
  /** The check round that last saw the table in the world. */
  round: number;
}

/** What the last check remembers of one world; a new one (or a copied world) starts with a full check. */
export class StructureCheck {
  private readonly tables = new Map<HmmPt, TableState>();
  private readonly owner = new Map<number, HmmPt>();
  private reachable = 0;
  private round = 0;
  /** Directories walked by the last check: what it cost (tests and benches read it). */
  walked = 0;

  /** The breaches of `core`'s structure, one message each (empty when sound). */
  check(core: Core): string[] {
    const first = this.round === 0;
    this.round++;
    this.walked = 0;
    if (first) {
      core.pool.takeFreed(); // starts the record of freed slots
      for (const { pt } of tablesOf(core)) pt.takeChange();
      const out = checkWorld(core);
      this.rememberAll(core);
      return out;
    }
    const out: string[] = [];
    const changed = this.changedTables(core);
    const letGo = new Set<number>();
    for (const { pt } of changed) this.release(pt, letGo);
    for (const { pt, name } of changed) this.recheck(pt, name(), out);
    checkEntities(core, out);
    this.checkPoolAfter(core, letGo, out);
    return out;
  }

  /** The tables changed since the last check (new ones included); tables gone are let go. */
  private changedTables(core: Core): { pt: HmmPt; name: () => string }[] {
    const changed: { pt: HmmPt; name: () => string }[] = [];
    for (const t of tablesOf(core)) {
      const state = this.tables.get(t.pt);
      if (state === undefined) this.tables.set(t.pt, { dirs: [], round: this.round });
      else state.round = this.round;
      if (t.pt.takeChange() || state === undefined) changed.push(t);
    }
    for (const [pt, state] of this.tables) {
      if (state.round === this.round) continue;
      this.release(pt, new Set());
      this.tables.delete(pt);
    }
    return changed;
  }

  /** Forgets which directories `pt` reached; those no other table owns go to `letGo`. */
  private release(pt: HmmPt, letGo: Set<number>): void {
    const state = this.tables.get(pt);
    if (state === undefined) return;
    for (const d of state.dirs) {
      if (this.owner.get(d) !== pt) continue;
      this.owner.delete(d);
      letGo.add(d);
    }
    this.reachable -= state.dirs.length;
    state.dirs = [];
  }

  /** Walks one changed table; its directories become its own, or are reported reached twice. */
  private recheck(pt: HmmPt, name: string, out: string[]): void {
    const seen = new Set<number>();
    checkTable(pt, name, seen, out);
    for (const d of seen) {
      const other = this.owner.get(d);
      if (expectHolds(out, other === undefined, () => `${name}: directory ${d} reachable twice`)) this.owner.set(d, pt);
    }
    this.tables.get(pt)!.dirs = [...seen];
    this.reachable += seen.size;
    this.walked += seen.size;
  }

  private checkPoolAfter(core: Core, letGo: ReadonlySet<number>, out: string[]): void {
    const pool = core.pool;
    expectHolds(out, pool.used === this.reachable, () => `pool: ${pool.used} directories in use but ${this.reachable} reachable`);
    expectHolds(out, pool.used + pool.freeCount === pool.capacity,
      () => `pool: used ${pool.used} + free ${pool.freeCount} != capacity ${pool.capacity}`);
    const freed = pool.takeFreed();
    if (freed === null) {
      for (let d = 1; d <= pool.capacity; d++) checkFreeSlot(pool, d, out); // not listed: every free slot
      return;
    }
    for (const d of new Set([...freed, ...letGo])) checkFreeSlot(pool, d, out);
  }

  /** After the full check: every table's directories, as `recheck` would record them. */
  private rememberAll(core: Core): void {
    for (const t of tablesOf(core)) {
      const seen = new Set<number>();
      checkTable(t.pt, '', seen, []);
      const dirs = [...seen].filter((d) => !this.owner.has(d));
      for (const d of dirs) this.owner.set(d, t.pt);
      this.tables.set(t.pt, { dirs, round: this.round });
      this.reachable += dirs.length;
      this.walked += seen.size;
    }
  }
}

/** Every table of the world, with its name for messages (built only when needed). */
function* tablesOf(core: Core): Generator<{ pt: HmmPt; name: () => string }> {
  for (const mm of core.mms) yield { pt: mm.pt, name: () => `mm ${mm.id} cpu pt` };
  for (const m of core.mirrors.values()) {
    yield { pt: m.pt, name: () => `mirror ${m.id} pt` };
    yield { pt: m.devicePt, name: () => `mirror ${m.id} device pt` };
  }
}
