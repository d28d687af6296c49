/**
 * Creates the folder `--out DIR` names, with its missing parents, one `mkdir` per missing level.
 * Node's recursive mkdir spins forever where the parent exists but refuses children (under
 * `/proc`, mkdir answers ENOENT, which the recursive version takes as "create the parent
 * first"); here each missing level is created once, and the first refusal is the answer.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

function codeOf(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : undefined;
}

/** Makes `dir` and its missing parents; rejects with the first error (ENOTDIR, EACCES, ENOENT, ...). */
export async function makeDirectory(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = resolve(dir); ; ) {
    try {
      if (!(await stat(at)).isDirectory()) throw Object.assign(new Error(`${at} is not a directory`), { code: 'ENOTDIR' });
      break;
    } catch (e) {
      const up = dirname(at);
      if (codeOf(e) !== 'ENOENT' || up === at) throw e;
      missing.push(at);
      at = up;
    }
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (e) {
      if (codeOf(e) !== 'EEXIST' || !(await stat(level)).isDirectory()) throw e;
    }
  }
}
