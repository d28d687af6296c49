/**
 * Reading answers (docs/protocol.md, Requests and answers): every shape the document allows is
 * read, everything else is invalid with a reason, and `{"error":...}` is an error answer.
 */
import { describe, expect, it } from 'vitest';
import { initialObservation } from '../../spec/index.js';
import { readBreaches, readHello, readObservation, readReady, readResult } from '../../properties/protocol/index.js';

describe('results (SPEC §3)', () => {
  it('reads the three tags', () => {
    expect(readResult('{"ok":0}')).toEqual({ value: { ok: 0 } });
    expect(readResult('{"op":3}')).toEqual({ value: { op: 3 } });
    expect(readResult('{"err":"EBUSY"}')).toEqual({ value: { err: 'EBUSY' } });
    expect(readResult(' { "ok" : 9007199254740991 } ')).toEqual({ value: { ok: 9007199254740991 } });
  });

  it('rejects two keys, a string for a number, an unknown code, a non-integer, bad JSON', () => {
    for (const text of ['{"ok":0,"op":1}', '{"ok":"0"}', '{"err":"EWHAT"}', '{"ok":0.5}', '{"ok":9007199254740992}', '{}', '[0]', 'null', 'ok 0', '']) {
      expect(readResult(text)).toHaveProperty('invalid');
    }
    expect(readResult('ok 0')).toEqual({ invalid: 'not JSON' });
  });

  it('takes {"error":TEXT} as an error answer to any request', () => {
    expect(readResult('{"error":"no such command"}')).toEqual({ error: 'no such command' });
    expect(readReady('{"error":"nope"}')).toEqual({ error: 'nope' });
    expect(readResult('{"error":42}')).toEqual({ error: '42' });
  });
});

describe('the hello answer', () => {
  it('reads name, observes in SPEC §7 order, selfCheck defaulting to false', () => {
    expect(readHello('{"hello":1,"name":"x","observes":["next","mms"]}')).toEqual({ value: { name: 'x', observes: ['mms', 'next'], selfCheck: false } });
    expect(readHello('{"hello":1,"name":"x","observes":[],"selfCheck":true}')).toEqual({ value: { name: 'x', observes: [], selfCheck: true } });
  });

  it('rejects another version, no observes, an unknown part, a selfCheck that is not a boolean', () => {
    expect(readHello('{"hello":2,"name":"x","observes":[]}')).toEqual({ invalid: '"hello" must be 1, the protocol version this checker speaks (got 2)' });
    expect(readHello('{"hello":1,"name":"x"}')).toHaveProperty('invalid', '"observes" must be a list of observation parts');
    expect(readHello('{"hello":1,"name":"x","observes":["pagez"]}')).toHaveProperty('invalid');
    expect(readHello('{"hello":1,"observes":[]}')).toHaveProperty('invalid', '"name" must be a string');
    expect(readHello('{"hello":1,"name":"x","observes":[],"selfCheck":1}')).toHaveProperty('invalid', '"selfCheck" must be a boolean');
  });
});

describe('reset and check answers', () => {
  it('reads {"ready":1} and {"breaches":[...]}', () => {
    expect(readReady('{"ready":1}')).toEqual({ value: true });
    expect(readReady('{"ready":0}')).toHaveProperty('invalid');
    expect(readBreaches('{"breaches":[]}')).toEqual({ value: [] });
    expect(readBreaches('{"breaches":["pt: count 2, expected 1"]}')).toEqual({ value: ['pt: count 2, expected 1'] });
    expect(readBreaches('{"breaches":[1]}')).toHaveProperty('invalid');
    expect(readBreaches('{"breaches":"none"}')).toHaveProperty('invalid');
  });
});

describe('observations (SPEC §7)', () => {
  const initial = initialObservation(2);

  it('reads the declared parts and fills the others with the initial observation', () => {
    const text = '{"next":{"mm":2,"fence":1,"op":1,"mirror":1,"pfn":4},"mms":[[0,"live",[],[]],[1,"live",[],[]]]}';
    const read = readObservation(text, ['mms', 'next'], 2);
    expect(read).toEqual({ value: { ...initial, mms: [[0, 'live', [], []], [1, 'live', [], []]], next: { pfn: 4, mirror: 1, op: 1, fence: 1, mm: 2 } } });
    expect(Object.keys((read as { value: object }).value)).toEqual(['mms', 'pages', 'mirrors', 'fences', 'pending', 'ops', 'warnings', 'violations', 'next']);
  });

  it('ignores parts it did not declare, rejects a declared part missing or of the wrong JSON type', () => {
    expect(readObservation('{"mms":[],"pages":5}', ['mms'], 2)).toHaveProperty('value');
    expect(readObservation('{"mms":[]}', ['mms', 'pages'], 2)).toEqual({ invalid: 'the observation lacks "pages", which the hello answer declared' });
    expect(readObservation('{"warnings":"0"}', ['warnings'], 2)).toHaveProperty('invalid');
    expect(readObservation('{"next":{"pfn":1}}', ['next'], 2)).toHaveProperty('invalid');
    expect(readObservation('{"mms":{}}', ['mms'], 2)).toHaveProperty('invalid');
  });
});
