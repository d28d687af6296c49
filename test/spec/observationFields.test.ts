/**
 * `OBSERVATION_FIELDS` (spec/observationFields.ts) is the observation of SPEC §7: the same parts,
 * field names that are the labels of the tuple types in spec/observation.ts, and entries of
 * real observations (the worked examples' final observations, a scripted run) of exactly that arity.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OBSERVATION_FIELDS, OBSERVATION_PARTS, type Command, type Observation, type ObservationPart } from '../../spec/index.js';
import { createModelWorld } from '../../model/index.js';
import { packageRoot } from '../../properties/cli/scenarios.js';

/** The tuple type that types each listed part's entries in spec/observation.ts. */
const ENTRY_TYPE: Partial<Record<ObservationPart, string>> = {
  mms: 'MmObs', pages: 'PageObs', mirrors: 'MirrorObs', fences: 'FenceObs', pending: 'PendingObs', ops: 'OpObs',
};

/** The labels of `export type NAME = readonly [label: type, …]` in the source text. */
function tupleLabels(source: string, name: string): string[] {
  const at = source.indexOf(`export type ${name} = readonly [`);
  expect(at, `${name} in spec/observation.ts`).toBeGreaterThanOrEqual(0);
  let depth = 0;
  let end = source.indexOf('[', at);
  for (; end < source.length; end++) {
    if (source[end] === '[') depth++;
    if (source[end] === ']' && --depth === 0) break;
  }
  const body = source.slice(source.indexOf('[', at) + 1, end);
  return [...body.matchAll(/(?:^|,)\s*(\w+):/g)].map((m) => m[1]!);
}

/** The worked examples' final observations, and each observation of a run that fills every part. */
function observations(): Observation[] {
  const dir = join(packageRoot(), 'test/fixtures/examples');
  const finals = readdirSync(dir).filter((f) => f.endsWith('.final.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Observation);
  const w = createModelWorld();
  const run: Command[] = [
    { cmd: 'mmap', mm: 0, start: 0, npages: 2, prot: 'rw' }, { cmd: 'write', mm: 0, vpn: 0, value: 5 }, { cmd: 'register', dev: 0, mm: 0 },
    { cmd: 'devRead', dev: 0, mm: 0, vpn: 0 }, { cmd: 'finish', op: 1 }, { cmd: 'reclaim', mm: 0, start: 0, npages: 1 },
    { cmd: 'step', op: 2 }, { cmd: 'step', op: 2, choice: 'fence' }, { cmd: 'devFault', dev: 0, mm: 0, start: 1, npages: 1, write: true },
    { cmd: 'signal', dev: 0 }, { cmd: 'finish', op: 2 }, { cmd: 'finish', op: 3 },
  ];
  return [...finals, ...run.map((c) => (w.apply(c), w.observe()))];
}

describe('OBSERVATION_FIELDS', () => {
  test('lists the parts of SPEC §7 in order', () => {
    expect(Object.keys(OBSERVATION_FIELDS)).toEqual([...OBSERVATION_PARTS]);
  });

  test("field names are spec/observation.ts's tuple labels and next's keys", () => {
    const source = readFileSync(join(packageRoot(), 'spec/observation.ts'), 'utf8');
    for (const [part, type] of Object.entries(ENTRY_TYPE)) {
      expect(OBSERVATION_FIELDS[part as ObservationPart].fields.map((f) => f.name), part).toEqual(tupleLabels(source, type));
    }
    expect(OBSERVATION_FIELDS.next.fields.map((f) => f.name)).toEqual(Object.keys(createModelWorld().observe().next));
    expect(OBSERVATION_FIELDS.warnings.fields).toEqual([]);
    expect(OBSERVATION_FIELDS.violations.fields).toEqual([]);
  });

  test('every entry of real observations has one value per listed field', () => {
    const all = observations();
    const counts = new Map<string, number>();
    for (const o of all) {
      for (const part of Object.keys(ENTRY_TYPE) as ObservationPart[]) {
        const entries = o[part] as readonly (readonly unknown[])[];
        for (const entry of entries) expect(entry, part).toHaveLength(OBSERVATION_FIELDS[part].fields.length);
        counts.set(part, (counts.get(part) ?? 0) + entries.length);
      }
      expect(typeof o.warnings).toBe('number');
      expect(o.violations.every((v) => typeof v === 'string')).toBe(true);
    }
    for (const part of Object.keys(ENTRY_TYPE)) expect(counts.get(part), `${part} seen`).toBeGreaterThan(0);
  });

  test('every field has a meaning', () => {
    for (const part of OBSERVATION_PARTS) {
      expect(OBSERVATION_FIELDS[part].meaning.length, part).toBeGreaterThan(10);
      for (const f of OBSERVATION_FIELDS[part].fields) expect(f.meaning.length, `${part}.${f.name}`).toBeGreaterThan(3);
    }
  });
});
