/**
 * Building and speaking to the C implementation (`c/`, issue 12 part 3) from tests: `make -C c`
 * with its output, and one protocol session fed all at once (docs/protocol.md), its answers
 * returned line by line.
 */
import { spawnSync } from 'node:child_process';

/** The release binary and a mutant's (c/Makefile: `make MUTANT=name`), as --impl commands. */
export const HMM_C = 'c/hmm-c';
export const mutantBinary = (name: string): string => `c/hmm-c-mutant-${name}`;

/** `make -C c ARGS`: exit status and everything it printed. */
export function make(...args: string[]): { status: number | null; output: string } {
  const r = spawnSync('make', ['-C', 'c', ...args], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** The mutants the Makefile knows (`make -s -C c list-mutants`). */
export function listMutants(): string[] {
  return make('-s', 'list-mutants').output.split('\n').filter((l) => l !== '');
}

/**
 * Runs `c/hmm-c ARGS` with `requests` (objects or raw lines) on stdin, closed after the last
 * one; the process must be done within `timeoutMs`. Returns its answer lines and exit status.
 */
export function session(requests: readonly (object | string)[], args: readonly string[] = [], timeoutMs = 10_000): { lines: string[]; status: number | null; stderr: string } {
  const input = requests.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n';
  const r = spawnSync(HMM_C, [...args], { input, encoding: 'utf8', timeout: timeoutMs });
  return { lines: r.stdout.split('\n').filter((l) => l !== ''), status: r.status, stderr: r.stderr };
}
