/**
 * Text from a trace made safe to print (properties/trace/printable.ts): control characters
 * written as JSON.stringify writes them, terminal-moving characters escaped too, quoted input
 * bounded with an ellipsis and the total size.
 */
import { describe, expect, it } from 'vitest';
import { escapeControl, printable, quote } from '../../../properties/trace/index.js';

describe('escapeControl', () => {
  it('writes C0 controls as JSON.stringify does, and leaves ordinary text alone', () => {
    const c0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
    // JSON.stringify's escapes, without its quotes and without its escaping of " and \.
    expect(escapeControl(c0)).toBe(JSON.stringify(c0).slice(1, -1));
    expect(escapeControl('mirror 2 vpn 0x11: "quoted" \\ é 漢字 😀')).toBe('mirror 2 vpn 0x11: "quoted" \\ é 漢字 😀');
  });

  it('escapes what moves or hides text on a terminal: DEL, C1 (0x9b is CSI), separators, bidi overrides, BOM, lone surrogates', () => {
    expect(escapeControl('\u007f\u009b\u2028\u2029\u202e\u2066\ufeff\ud800x\udc00')).toBe('\\u007f\\u009b\\u2028\\u2029\\u202e\\u2066\\ufeff\\ud800x\\udc00');
  });
});

describe('printable and quote: bounded', () => {
  it('keeps text up to the bound, cuts past it with an ellipsis and the total size', () => {
    expect(printable('abc', 3)).toBe('abc');
    expect(printable('abcd', 3)).toBe('abc… (4 characters)');
    expect(quote('abcd', "'", 3)).toBe("'abc…' (4 characters)");
    expect(quote('a"b', '"')).toBe('"a"b"');
  });

  it('never splits a surrogate pair when it cuts', () => {
    expect(printable('ab😀', 3)).toBe('ab… (4 characters)');
  });

  it('cuts before it escapes, so the result is bounded whatever the input', () => {
    expect(printable('\u0001'.repeat(1_000_000), 10)).toBe(`${'\\u0001'.repeat(10)}… (1000000 characters)`);
  });
});
