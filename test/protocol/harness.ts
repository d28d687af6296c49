/**
 * Runs `hmm-check run` and `hmm-check replay` in-process against an implementation's process
 * (docs/protocol.md), capturing what they print. The adapter of this folder wraps the built
 * TypeScript implementation (`dist/impl`, built by `npm ci`).
 */
import { fileURLToPath } from 'node:url';
import { runReplay } from '../../properties/cli/replay.js';
import { runRun } from '../../properties/cli/run.js';
import { UsageError } from '../../properties/cli/args.js';
import type { ConformanceReport } from '../../properties/runner/report.js';

/** `node <this folder>/adapter.mjs FLAGS`, as an --impl command. */
export function adapter(flags = ''): string {
  return `node '${fileURLToPath(new URL('./adapter.mjs', import.meta.url))}'${flags === '' ? '' : ` ${flags}`}`;
}

/** What a subcommand printed and returned; a UsageError counts as exit 2 with its message on stderr. */
export interface Outcome {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

async function capture(body: (out: (t: string) => void, err: (t: string) => void) => Promise<number>): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  let code: number;
  try {
    code = await body((t) => void out.push(t), (t) => void err.push(t));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    err.push(`${e.message}\n`);
    code = 2;
  }
  return { code, out: out.join(''), err: err.join('') };
}

/** `hmm-check run ARGV`. */
export function run(argv: readonly string[]): Promise<Outcome> {
  return capture((out, err) =>
    runRun(argv, { parts: () => Promise.reject(new Error('run: the built-in parts are not for --impl tests')), stdout: out, stderr: { isTTY: false, write: err } }),
  );
}

/** `hmm-check run ARGV --json`, its report parsed. */
export async function runJson(argv: readonly string[]): Promise<{ code: number; report: ConformanceReport; err: string }> {
  const o = await run([...argv, '--json']);
  return { code: o.code, report: JSON.parse(o.out) as ConformanceReport, err: o.err };
}

/** `hmm-check replay ARGV` with the real worlds. */
export async function replay(argv: readonly string[]): Promise<Outcome> {
  const { buildWorlds } = await import('../../properties/cli/replay.js');
  const { fileLines } = await import('../../properties/trace/index.js');
  return capture((out, err) => runReplay(argv, { readLines: (p) => fileLines(p), buildWorlds, stdout: out, stderr: err }));
}
