/**
 * Scope files: JSON, read with `--scope FILE`. The checked-in ones live in `scopes/` beside
 * this file's sources (`default.json`, the breadth-first default; `races.json`, the
 * context-bounded default), found from the package root so the compiled CLI reads the same files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScopeError } from './scope.js';

/** The project's root: the nearest folder above this file holding package.json. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('explorer: no package.json above the explorer');
    dir = up;
  }
  return dir;
}

/** The checked-in scopes. */
export const SCOPES_DIR = join(packageRoot(), 'properties', 'explorer', 'scopes');
export const DEFAULT_SCOPE_FILE = join(SCOPES_DIR, 'default.json');
export const RACES_SCOPE_FILE = join(SCOPES_DIR, 'races.json');

/** The JSON value of a scope file; a missing file or bad JSON is a `ScopeError`. */
export function readScopeFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ScopeError(`cannot read scope file ${path} (${e instanceof Error && 'code' in e ? String(e.code) : String(e)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new ScopeError(`${path}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}
