/**
 * Scope files (properties/explorer/scope.ts): the commands a scope tries, counted by hand from
 * its domains; per-command narrowing; device symmetry only when every device command is tried
 * on every device; and one-line errors for bad files. The checked-in default scope has every
 * command of SPEC §3, every driver answer, both devFault kinds, two fail codes and two mms.
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../spec/index.js';
import { parseScope, ScopeError } from '../../../properties/explorer/scope.js';
import { ScopeCommands } from '../../../properties/explorer/scopeCommands.js';
import { DEFAULT_SCOPE_FILE, readScopeFile } from '../../../properties/explorer/scopeFile.js';

describe('scopes', () => {
  it('try each command over its domains, narrowed per command', () => {
    const s = parseScope({ devices: 2, mms: [0], vpns: [0, 1], ranges: [[0, 2]], values: [1, 2], prots: ['r', 'rw'], commands: { mmap: { ranges: [[0, 1], [1, 1]] }, write: {}, devRead: { devs: [0, 1] }, step: { choices: ['sync'] }, finish: {} } }, 's');
    const c = new ScopeCommands(s);
    // mmap: 1 mm × 2 ranges × 2 prots; write: 1 mm × 2 vpns × 2 values; devRead: 2 devs × 1 mm × 2 vpns.
    expect(c.fixed.length).toBe(4 + 4 + 4);
    expect(c.fixed.filter((x) => x.cmd === 'mmap').map((x) => 'start' in x && x.start)).toEqual([0, 0, 1, 1]);
    expect(c.ofOp(3)).toEqual([{ cmd: 'step', op: 3, choice: 'sync' }, { cmd: 'finish', op: 3 }]);
    expect(c.command(c.opCode(3, 1))).toEqual({ cmd: 'finish', op: 3 });
    expect(s.symmetricDevices).toBe(true);
  });

  it('treat devices alike only when every device command is tried on every device', () => {
    expect(parseScope({ devices: 2, commands: { signal: { devs: [0] } } }, 's').symmetricDevices).toBe(false);
    expect(parseScope({ devices: 2, commands: { signal: {}, register: {} } }, 's').symmetricDevices).toBe(true);
  });

  it('the default scope has every command of SPEC §3 and the issue\'s choices', () => {
    const s = parseScope(readScopeFile(DEFAULT_SCOPE_FILE), DEFAULT_SCOPE_FILE);
    expect(Object.keys(s.commands).sort()).toEqual([...COMMAND_NAMES].sort());
    expect(s.commands.step!.choices).toEqual(['sync', 'fence', 'error']);
    expect(s.commands.devFault!.writes).toEqual([false, true]);
    expect(s.commands.fail!.failCodes).toContain('EIO');
    expect(s.commands.fail!.failCodes.length).toBeGreaterThan(1);
    expect(s.commands.exit!.mms).toEqual([0, 1]);
    expect(s.commands.mmap!.ranges.some(([, n]) => n < 2)).toBe(true);
  });

  it('refuse bad files with one line', () => {
    expect(() => parseScope([], 'f')).toThrow(ScopeError);
    expect(() => parseScope({ devices: 0 }, 'f')).toThrow(/"devices" must be an integer from 1 to 8/);
    expect(() => parseScope({ vpns: [-1] }, 'f')).toThrow(/-1 is not a valid entry/);
    expect(() => parseScope({ prots: ['rwx'] }, 'f')).toThrow(/"rwx" is not a valid entry/);
    expect(() => parseScope({ failCodes: ['EAGAIN'] }, 'f')).toThrow(/"EAGAIN" is not a valid entry/);
    expect(() => parseScope({ maxOpsInFlight: -1 }, 'f')).toThrow(/maxOpsInFlight/);
    expect(() => parseScope({ commands: { mmap: { ranges: [[0, 0]] } } }, 'f')).toThrow(/\[0,0\] is not a valid entry/);
  });
});
