/**
 * What a crash message quotes from the implementation (docs/protocol.md, Crashes are
 * counterexamples): bounded, control characters escaped, and a sanitizer's summary line kept
 * even when its report goes on for longer than the tail.
 */
import { describe, expect, it } from 'vitest';
import { STDERR_LINES, StderrTail, crashText, escapeText, quoteText } from '../../properties/protocol/index.js';

describe('quoting', () => {
  it('escapes control characters, C1 controls and DEL, and cuts long text with its size', () => {
    expect(quoteText('a\u001b[2Jb\n')).toBe('"a\\u001b[2Jb\\n"');
    expect(escapeText('x\u009by\u007f')).toBe('x\\u009by\\u007f');
    const long = 'z'.repeat(10_000);
    expect(quoteText(long, 10)).toBe(`"${'z'.repeat(10)}"… (10000 chars)`);
    expect(escapeText(long, 10)).toBe(`${'z'.repeat(10)}… (10000 chars)`);
  });
});

describe('the stderr tail', () => {
  it('keeps the last lines and the key lines that scrolled out of them', () => {
    const tail = new StderrTail();
    tail.push(['==7==ERROR: AddressSanitizer: heap-buffer-overflow', 'SUMMARY: AddressSanitizer: heap-buffer-overflow pt.c:9 in pt_set']);
    tail.push(Array.from({ length: 30 }, (_, i) => `legend ${i}`));
    const shown = tail.shown();
    expect(shown.slice(0, 3)).toEqual(['==7==ERROR: AddressSanitizer: heap-buffer-overflow', 'SUMMARY: AddressSanitizer: heap-buffer-overflow pt.c:9 in pt_set', '…']);
    expect(shown.slice(3)).toEqual(Array.from({ length: STDERR_LINES }, (_, i) => `legend ${i + 30 - STDERR_LINES}`));
    expect(tail.brief()).toBe('==7==ERROR: AddressSanitizer: heap-buffer-overflow | SUMMARY: AddressSanitizer: heap-buffer-overflow pt.c:9 in pt_set');
  });

  it('without key lines, the brief is the last three lines, escaped', () => {
    const tail = new StderrTail();
    tail.push(['one', 'two', 'three', 'fo\u001bur']);
    expect(tail.brief()).toBe('two | three | fo\\u001bur');
    expect(tail.shown()).toEqual(['one', 'two', 'three', 'fo\\u001bur']);
  });
});

describe('crash messages', () => {
  const base = { request: '{"observe":1}\n', stderr: [], stderrBrief: '' };
  it('names what happened and what was awaited', () => {
    expect(crashText({ ...base, kind: 'exit', exit: { code: null, signal: 'SIGSEGV' } })).toBe('the implementation exited (signal SIGSEGV) before giving the answer to {"observe":1}');
    expect(crashText({ ...base, kind: 'eof', request: '{"cmd":"fork","mm":0}\n' })).toBe('the implementation closed its standard output before giving its result');
    expect(crashText({ ...base, kind: 'timeout', timeoutSeconds: 2 })).toBe('no answer within 2 s (--impl-timeout) while waiting for the answer to {"observe":1}; the implementation was killed');
    expect(crashText({ ...base, kind: 'invalid', answer: 'oops\u0007', why: 'not JSON' })).toBe('invalid answer "oops\\u0007" instead of the answer to {"observe":1}: not JSON');
    expect(crashText({ ...base, kind: 'error', answer: 'busy' })).toBe('the implementation answered {"error":...} instead of the answer to {"observe":1}: "busy"');
    expect(crashText({ ...base, kind: 'spawn', why: 'EAGAIN' })).toBe('the implementation could not be started: EAGAIN');
  });
});
