/**
 * Runs the built `hmm-check` as a user does (node dist/properties/cli/main.js; test/globalSetup.ts
 * keeps dist/ current), and checks what a bad input must give: exit 2 and one bounded line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const MAIN = fileURLToPath(new URL('../../dist/properties/cli/main.js', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `hmm-check ...args` to its end (at most `timeoutMs`, then it is killed: status null). */
export function cli(args: readonly string[], timeoutMs = 60_000): CliRun {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Starts `hmm-check ...args`, for a test that signals it; resolves when it ends. */
export function cliChild(args: readonly string[]): { child: ReturnType<typeof spawn>; done: Promise<CliRun> } {
  const child = spawn(process.execPath, [MAIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (t: string) => void (stdout += t));
  child.stderr!.setEncoding('utf8').on('data', (t: string) => void (stderr += t));
  const done = new Promise<CliRun>((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })));
  return { child, done };
}

/** Longest one-line message the CLI may print for bad input. */
export const MAX_MESSAGE = 1100;

/**
 * Bad input: exit 2, nothing on stdout, and on stderr one line (no stack trace), bounded, with
 * no control character but its final newline. Returns the line.
 */
export function expectBadInput(r: CliRun): string {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^hmm-check[^\n]*\n$/);
  expect(r.stderr.length).toBeLessThanOrEqual(MAX_MESSAGE);
  expect(r.stderr.slice(0, -1)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr.slice(0, -1);
}
