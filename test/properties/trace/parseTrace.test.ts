/** SPEC §8: trace parsing, trace errors with line and field, comments, out-of-domain values. */
import { describe, expect, it } from 'vitest';
import { formatTraceError, parseTrace, type TraceError } from '../../../properties/trace/index.js';

const HEADER = '{"hmmTrace":1,"config":{"devices":2}}';

function errorOf(text: string): TraceError {
  const r = parseTrace(text);
  if (r.ok) throw new Error('expected a trace error');
  return r.error;
}

function traceOf(text: string) {
  const r = parseTrace(text);
  if (!r.ok) throw new Error(formatTraceError(r.error));
  return r.trace;
}

describe('parseTrace: good traces', () => {
  it('parses commands, expects and comments with their line numbers', () => {
    const t = traceOf([
      HEADER,
      '{"cmd":"mmap","mm":0,"start":16,"npages":4,"prot":"rw","expect":{"ok":0}}',
      '{"note": "a comment"}',
      '{"cmd":"devRead","dev":0,"mm":0,"vpn":17,"expect":{"op":1}}',
      '{"cmd":"step","op":1,"choice":"fence"}',
      '{"cmd":"signal","dev":0,"expect":{"err":"ENOENT"}}',
      '',
    ].join('\n'));
    expect(t.config).toEqual({ devices: 2 });
    expect(t.lines).toEqual([
      { line: 2, command: { cmd: 'mmap', mm: 0, start: 16, npages: 4, prot: 'rw' }, expect: { ok: 0 } },
      { line: 3, note: 'a comment' },
      { line: 4, command: { cmd: 'devRead', dev: 0, mm: 0, vpn: 17 }, expect: { op: 1 } },
      { line: 5, command: { cmd: 'step', op: 1, choice: 'fence' } },
      { line: 6, command: { cmd: 'signal', dev: 0 }, expect: { err: 'ENOENT' } },
    ]);
  });

  it('config.devices defaults to 2; other config values are kept', () => {
    expect(traceOf('{"hmmTrace":1,"config":{}}\n').config).toEqual({ devices: 2 });
    expect(traceOf('{"hmmTrace":1,"config":{"devices":8}}').config).toEqual({ devices: 8 });
    expect(traceOf('{"hmmTrace":1,"config":{"devices":1}}').config).toEqual({ devices: 1 });
  });

  it('keeps well-typed out-of-domain values: the world answers EINVAL', () => {
    const t = traceOf([
      HEADER,
      '{"cmd":"read","mm":0,"vpn":1.5}',
      '{"cmd":"mmap","mm":0,"start":-3,"npages":0,"prot":"rwx"}',
      '{"cmd":"step","op":1,"choice":"maybe"}',
      '{"cmd":"fail","dev":9,"code":"EAGAIN"}',
      '{"cmd":"signal","dev":0,"extra":[1,2],"note":"ignored"}',
    ].join('\n'));
    expect(t.lines.map((l) => ('command' in l ? l.command : l))).toEqual([
      { cmd: 'read', mm: 0, vpn: 1.5 },
      { cmd: 'mmap', mm: 0, start: -3, npages: 0, prot: 'rwx' },
      { cmd: 'step', op: 1, choice: 'maybe' },
      { cmd: 'fail', dev: 9, code: 'EAGAIN' },
      { cmd: 'signal', dev: 0 },
    ]);
  });

  it('allows trailing blank lines and CRLF line ends', () => {
    const t = traceOf(`${HEADER}\r\n{"cmd":"fork","mm":0}\r\n\n\n`);
    expect(t.lines).toEqual([{ line: 2, command: { cmd: 'fork', mm: 0 } }]);
  });

  it('a header alone is an empty trace', () => {
    expect(traceOf(HEADER).lines).toEqual([]);
  });
});

describe('parseTrace: trace errors carry line and field', () => {
  const at = (line: string, n = 2) => errorOf([HEADER, ...Array(n - 2).fill('{"note":"x"}'), line].join('\n'));

  it('wrong JSON type of a field', () => {
    const e = at('{"cmd":"read","mm":0,"vpn":"3"}', 7);
    expect(e).toMatchObject({ kind: 'traceError', line: 7, field: 'vpn' });
    expect(formatTraceError(e)).toBe('line 7: field "vpn" must be a number, got string "3"');
    expect(at('{"cmd":"step","op":1,"choice":null}')).toMatchObject({ line: 2, field: 'choice', message: 'field "choice" must be a string, got null' });
    expect(at('{"cmd":"devFault","dev":0,"mm":0,"start":0,"npages":1,"write":1}')).toMatchObject({ field: 'write', message: 'field "write" must be a boolean, got number 1' });
    expect(at('{"cmd":"mmap","mm":0,"start":0,"npages":1,"prot":3}')).toMatchObject({ field: 'prot' });
    expect(at('{"cmd":"fail","dev":0,"code":false}')).toMatchObject({ field: 'code' });
  });

  it('missing field', () => {
    expect(at('{"cmd":"write","mm":0,"vpn":3}', 4)).toMatchObject({ line: 4, field: 'value' });
  });

  it('unknown, missing or mistyped cmd', () => {
    expect(at('{"cmd":"mremap","mm":0}', 3)).toMatchObject({ line: 3, field: 'cmd', message: 'unknown command "mremap"' });
    expect(at('{"cmd":7}')).toMatchObject({ field: 'cmd' });
    expect(at('{"mm":0}')).toMatchObject({ field: 'cmd' });
    expect(at('{"note":"x","mm":0}')).toMatchObject({ field: 'cmd' });
    expect(at('{"cmd":"toString","mm":0}')).toMatchObject({ field: 'cmd' });
  });

  it('a note that is not a string', () => {
    expect(at('{"note":5}', 5)).toMatchObject({ line: 5, field: 'note' });
  });

  it('bad JSON and non-object lines', () => {
    expect(at('{"cmd":"read",', 6)).toMatchObject({ line: 6 });
    expect(at('{"cmd":"read",', 6).message).toMatch(/^bad JSON/);
    expect(at('[1,2]')).toMatchObject({ line: 2, message: 'a trace line must be a JSON object, got array' });
  });

  it('malformed expect', () => {
    expect(at('{"cmd":"fork","mm":0,"expect":{"ok":"0"}}', 3)).toMatchObject({ line: 3, field: 'expect.ok' });
    expect(at('{"cmd":"fork","mm":0,"expect":{"op":null}}')).toMatchObject({ field: 'expect.op' });
    expect(at('{"cmd":"fork","mm":0,"expect":{"err":"EWHAT"}}')).toMatchObject({ field: 'expect.err' });
    expect(at('{"cmd":"fork","mm":0,"expect":{"ok":0,"op":1}}')).toMatchObject({ field: 'expect' });
    expect(at('{"cmd":"fork","mm":0,"expect":{}}')).toMatchObject({ field: 'expect' });
    expect(at('{"cmd":"fork","mm":0,"expect":0}')).toMatchObject({ field: 'expect' });
  });

  it('a blank line inside the trace', () => {
    expect(errorOf(`${HEADER}\n{"cmd":"fork","mm":0}\n\n{"cmd":"fork","mm":0}\n`)).toMatchObject({ line: 3 });
  });

  it('bad headers are errors on line 1', () => {
    expect(errorOf('')).toMatchObject({ line: 1 });
    expect(errorOf('\n\n')).toMatchObject({ line: 1 });
    expect(errorOf('{"cmd":"fork","mm":0}')).toMatchObject({ line: 1, field: 'hmmTrace' });
    expect(errorOf('{"hmmTrace":2,"config":{}}')).toMatchObject({ line: 1, field: 'hmmTrace' });
    expect(errorOf('{"hmmTrace":1}')).toMatchObject({ line: 1, field: 'config' });
    expect(errorOf('{"hmmTrace":1,"config":{"devices":0}}')).toMatchObject({ line: 1, field: 'config.devices' });
    expect(errorOf('{"hmmTrace":1,"config":{"devices":9}}')).toMatchObject({ field: 'config.devices' });
    expect(errorOf('{"hmmTrace":1,"config":{"devices":1.5}}')).toMatchObject({ field: 'config.devices' });
    expect(errorOf('{"hmmTrace":1,"config":{"devices":"2"}}')).toMatchObject({ field: 'config.devices' });
    expect(errorOf('{"hmmTrace":1,')).toMatchObject({ line: 1 });
  });

  it('reports the first error in file order', () => {
    expect(errorOf(`${HEADER}\n{"cmd":"fork","mm":0}\n{"cmd":"read"}\n{"cmd":"nope"}`)).toMatchObject({ line: 3, field: 'mm' });
  });
});

describe('parseTrace: issue 14 line rules', () => {
  it('accepts a UTF-8 byte-order mark before the header', () => {
    expect(traceOf(`\ufeff${HEADER}\n{"cmd":"fork","mm":0}\n`).lines).toEqual([{ line: 2, command: { cmd: 'fork', mm: 0 } }]);
  });

  it('a mark anywhere else is an error, named escaped', () => {
    expect(formatTraceError(errorOf(`${HEADER}\n\ufeff{"cmd":"fork","mm":0}`))).toMatch(/^line 2: bad JSON: .*\\ufeff/);
  });

  it('quotes of the trace in messages are bounded', () => {
    const e = errorOf(`${HEADER}\n{"cmd":"read","mm":0,"vpn":"${'9'.repeat(5000)}"}`);
    expect(formatTraceError(e)).toBe(`line 2: field "vpn" must be a number, got string "${'9'.repeat(40)}…" (5000 characters)`);
  });
});
