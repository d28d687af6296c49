/**
 * A file a subcommand writes with `--write FILE` (`mutants`, `docs`): checked before any long
 * work starts, so a bad path is a one-line usage error (exit 2), not minutes lost.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './args.js';

/** Throws a UsageError unless `file` can be written: its folder exists and it is not a folder. */
export function checkWriteTarget(file: string): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`cannot write '${file}': no folder '${dirname(file)}'`);
  if (existsSync(file) && !statSync(file).isFile()) throw new UsageError(`flag '--write' needs a file, '${file}' is not one`);
}

/** Writes `text` to `file`; a failure is a UsageError naming the file and the system's code. */
export function writeTarget(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? ` (${String(e.code)})` : '';
    throw new UsageError(`cannot write '${file}'${code}`);
  }
}
