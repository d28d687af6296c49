/**
 * Before the suite: the CLI tests spawn the built `hmm-check` (node dist/properties/cli/main.js),
 * as a user runs it, so `dist/` must hold the current sources. It is rebuilt (tsc, ~2 s) when
 * a source is newer than the last build's stamp, e.g. after an edit without `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['spec', 'model', 'impl', 'properties', 'bench'];
const STAMP = join('dist', '.built');

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) t = Math.max(t, newest(path));
    else if (entry.name.endsWith('.ts')) t = Math.max(t, statSync(path).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const sources = Math.max(statSync('tsconfig.json').mtimeMs, ...SOURCES.map(newest));
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
