/**
 * Error-path mutants (SPEC §4.2 step 2, §5 mirror lifecycle; the series' hmm_mirror_update error
 * handling and hmm_mirror_kill): an update() error ignored, and a kill that leaves HMM's table.
 */
import { ok } from '../../spec/index.js';
import { dropDevicePtes } from '../device/report.js';
import { teardownMirror } from '../hmm/ops.js';
import { mutant } from './mutant.js';

const VPN_END = 2 ** 36;

export const updateErrorIgnored = mutant({
  name: 'updateErrorIgnored',
  family: 'errors',
  description: 'an error returned by the driver\'s update() is ignored: the mirror is not killed, so its device keeps ptes that the commit removes from the mirror (SPEC §4.2 step 2: on error the mirror is killed at once, update() is never retried; the series\' hmm_mirror_update return value dropped).',
  copies: [{ file: 'impl/hmm/invalidate.ts', fn: 'updateMirror', hash: '80d2484e1c1c' }],
  apply: { ops: { updateMirror: (core, op, choice) => {
    const m = op.captured[op.updated++];
    op.phase = 'update';
    if (m.state !== 'live') return ok(0);
    const answer = core.driver.update(core, m, op, choice);
    if (answer !== null && answer !== 'error') op.fences.push(answer);
    return ok(0);
  } } },
});

export const killedMirrorPtNotEmptied = mutant({
  name: 'killedMirrorPtNotEmptied',
  family: 'errors',
  description: 'a killed mirror\'s page table is not emptied: the kill path drops the device ptes and calls release() but never walks the hmm_pt (SPEC §5: killed mirrors are torn down like an unregister; the series\' hmm_mirror_kill).',
  copies: [{ file: 'impl/hmm/ops.ts', fn: 'teardownMirror', hash: '1115b5bc2a48' }],
  apply: { ops: { teardownMirror: (core, m, to) => {
    if (to === 'killed') dropDevicePtes(core, m, 0, VPN_END);
    else teardownMirror(core, m, to);
  } } },
});

/** The errors family. */
export const ERROR_MUTANTS = [updateErrorIgnored, killedMirrorPtNotEmptied];
