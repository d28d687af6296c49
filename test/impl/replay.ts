/** Replays a SPEC §8 trace on an ImplWorld (test helper): checks every expect and checkStructure. */
import { readFileSync } from 'node:fs';
import type { Command, Result } from '../../spec/index.js';
import { ImplWorld } from '../../impl/index.js';

export interface Replayed {
  world: ImplWorld;
  mismatches: string[];
}

export function replayTrace(path: string): Replayed {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const header = JSON.parse(lines[0]) as { config?: { devices?: number } };
  const world = new ImplWorld({ devices: header.config?.devices ?? 2 });
  const mismatches: string[] = [];
  lines.slice(1).forEach((line, i) => {
    const obj = JSON.parse(line) as Record<string, unknown>;
    if (!('cmd' in obj)) return;
    const { expect, ...cmd } = obj as { expect?: Result };
    const got = world.apply(cmd as unknown as Command);
    if (expect !== undefined && JSON.stringify(got) !== JSON.stringify(expect)) {
      mismatches.push(`line ${i + 2}: ${line} gave ${JSON.stringify(got)}`);
    }
    for (const s of world.checkStructure()) mismatches.push(`line ${i + 2}: structure: ${s}`);
  });
  return { world, mismatches };
}
