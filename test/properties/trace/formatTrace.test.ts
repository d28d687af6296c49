/** SPEC §8: printing traces, and parse(format(x)) === x. */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../spec/index.js';
import { formatCommand, formatTrace, parseTrace, type TraceStep } from '../../../properties/trace/index.js';

describe('formatCommand', () => {
  it('prints cmd first, then the fields in COMMAND_FIELDS order, whatever the object order', () => {
    const c = { value: 7, vpn: 5, mm: 0, dev: 0, cmd: 'devWrite' } as unknown as Command;
    expect(formatCommand(c)).toBe('{"cmd":"devWrite","dev":0,"mm":0,"vpn":5,"value":7}');
    expect(formatCommand({ cmd: 'step', op: 3 })).toBe('{"cmd":"step","op":3}');
    expect(formatCommand({ cmd: 'step', op: 3, choice: 'fence' })).toBe('{"cmd":"step","op":3,"choice":"fence"}');
  });
});

describe('formatTrace', () => {
  const steps: TraceStep[] = [
    { command: { cmd: 'mmap', mm: 0, start: 16, npages: 4, prot: 'rw' }, expect: { ok: 0 } },
    { command: { cmd: 'devFault', dev: 1, mm: 0, start: 16, npages: 2, write: true }, expect: { op: 1 } },
    { command: { cmd: 'step', op: 1, choice: 'error' } },
    { command: { cmd: 'fail', dev: 0, code: 'EIO' }, expect: { err: 'ENOENT' } },
    { command: { cmd: 'read', mm: 0, vpn: 1.5 }, expect: { err: 'EINVAL' } },
  ];

  it('prints the header and one line per step and note', () => {
    const text = formatTrace({ devices: 2 }, steps.slice(0, 1), [{ before: 0, note: 'first' }, { before: 1, note: 'last' }]);
    expect(text).toBe([
      '{"hmmTrace":1,"config":{"devices":2}}',
      '{"note":"first"}',
      '{"cmd":"mmap","mm":0,"start":16,"npages":4,"prot":"rw","expect":{"ok":0}}',
      '{"note":"last"}',
      '',
    ].join('\n'));
  });

  it('round-trips through parseTrace', () => {
    const text = formatTrace({ devices: 3 }, steps, [{ before: 2, note: 'the update errs' }]);
    const r = parseTrace(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.trace.config).toEqual({ devices: 3 });
    const lines = r.trace.lines;
    expect(lines.filter((l) => 'command' in l).map((l) => ('command' in l ? { command: l.command, ...(l.expect ? { expect: l.expect } : {}) } : l))).toEqual(steps);
    expect(lines[2]).toEqual({ line: 4, note: 'the update errs' });
  });
});
