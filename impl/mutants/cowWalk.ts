/**
 * The device fault walk of SPEC §4.3 (INTERPRETATION 17) with one fault: a write fault on a
 * read-only pte of mapcount > 1 records the shared page writable instead of ending with
 * EAGAIN after a COW break (the `cowWriteFaultMapsShared` mutant; the kernel's do_wp_page).
 */
import type { Result } from '../../spec/index.js';
import { err, ok } from '../../spec/index.js';
import { populate } from '../cpu/populate.js';
import { endFault } from '../hmm/fault.js';
import { keptRecords, newRecords, putRecord } from '../hmm/faultRecords.js';
import type { Op } from '../hmm/op.js';
import { PFN_SHIFT, PTE_WRITE } from '../pagetable/pte.js';
import type { Core } from '../world/core.js';

/** The walk step, sharing COW pages with the device writable. */
export function walkSharingCow(core: Core, op: Op): Result {
  const mm = op.mm;
  const write = op.kind === 'wfault';
  let records = newRecords(op.end - op.start);
  for (let vpn = op.start; vpn < op.end; vpn++) {
    const prot = mm.vmas.protAt(vpn);
    if (prot === null || prot === 'none') return endFault(core, op, err('EFAULT'));
    if (write && prot !== 'rw') return endFault(core, op, err('EPERM'));
    let e = populate(core, mm, vpn, prot);
    if (write && (e & PTE_WRITE) === 0) {
      if (core.pages.mapcount[e >>> PFN_SHIFT] === 1) mm.pt.update(vpn, (e | PTE_WRITE) >>> 0);
      e = (e | PTE_WRITE) >>> 0;
    }
    records = putRecord(records, vpn - op.start, e);
  }
  op.records = keptRecords(records, op.end - op.start);
  op.phase = 'walk';
  return ok(0);
}
