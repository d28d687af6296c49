/** Commands print like the calls they model (STYLE §3). */
import { describe, expect, it } from 'vitest';
import { formatCommand } from '../../../properties/commands/index.js';

describe('formatCommand', () => {
  it.each([
    [{ cmd: 'munmap', mm: 0, start: 0x40, npages: 2 }, 'munmap(mm0, 0x40, +2)'],
    [{ cmd: 'mmap', mm: 1, start: 0, npages: 16, prot: 'rw' }, 'mmap(mm1, 0x0, +16, rw)'],
    [{ cmd: 'step', op: 3, choice: 'fence' }, 'step(op3, fence)'],
    [{ cmd: 'step', op: 3 }, 'step(op3)'],
    [{ cmd: 'finish', op: 7 }, 'finish(op7)'],
    [{ cmd: 'devWrite', dev: 1, mm: 0, vpn: 5, value: 7 }, 'devWrite(dev1, mm0, 0x5, 7)'],
    [{ cmd: 'devFault', dev: 0, mm: 0, start: 2, npages: 3, write: true }, 'devFault(dev0, mm0, 0x2, +3, write)'],
    [{ cmd: 'fail', dev: 0, code: 'EIO' }, 'fail(dev0, EIO)'],
    [{ cmd: 'register', dev: 0, mm: 2 }, 'register(dev0, mm2)'],
    [{ cmd: 'read', mm: 0, vpn: -1 }, 'read(mm0, -0x1)'],
    [{ cmd: 'read', mm: 0, vpn: 1.5 }, 'read(mm0, 1.5)'],
    [{ cmd: 'fail', dev: 0, code: '' }, 'fail(dev0, "")'],
  ] as const)('%j prints %s', (command, text) => {
    expect(formatCommand(command)).toBe(text);
  });

  it('prints unresolved indices with #', () => {
    expect(formatCommand({ cmd: 'finish', op: 0 }, '#')).toBe('finish(op#0)');
  });
});
