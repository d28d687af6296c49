/**
 * Lockstep throughput through the process protocol (docs/protocol.md, issue 12): commands per
 * second of `hmm-check run --impl` on fixed seeds (model, rules, memoryIsMemory, and the
 * implementation's results, observations and self-check through its process, drains
 * included), pipelined as the checker runs it and one request at a time, to show what
 * pipelining buys. The implementation is the C one, `c/hmm-c`, when it is built, otherwise the
 * JavaScript adapter of the TypeScript implementation (`test/protocol/adapter.mjs`); the figures
 * say which. A warm-up run lets the JIT settle; the pipelined figure is the median of three.
 * The same budget checked in-process (model against the TypeScript implementation, no process)
 * in the same bench gives `protocolVsInProcess`, which moves less with the machine's load than
 * either figure alone.
 */
import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { openImplementation, processParts } from '../properties/protocol/index.js';
import { defaultParts } from '../properties/runner/defaultParts.js';
import { DEFAULT_SEED } from '../properties/runner/config.js';
import { runConformance } from '../properties/runner/runConformance.js';

/** The C implementation's binary, relative to the project root. */
export const C_BINARY = 'c/hmm-c';
/** The JavaScript adapter, relative to the project root. */
export const JS_ADAPTER = 'test/protocol/adapter.mjs';

/** The implementation the bench drives: `c/hmm-c` if it is built and executable, else the adapter. */
export function protocolImplementation(root = process.cwd()): { readonly name: 'c' | 'js-adapter'; readonly command: string } {
  const binary = resolve(root, C_BINARY);
  try {
    accessSync(binary, constants.X_OK);
    return { name: 'c', command: `'${binary}'` };
  } catch {
    return { name: 'js-adapter', command: `node '${resolve(root, JS_ADAPTER)}'` };
  }
}

async function commandsPerSecond(command: string, pipeline: boolean, seed: number, runs: number): Promise<number> {
  const session = openImplementation(command, 10, { devices: 2 });
  try {
    const report = await runConformance({ parts: processParts(session, { pipeline }), budget: { seed, runs, steps: 200, swarm: false } });
    if (report.verdict !== 'pass') throw new Error(`benchProtocol: ${command} did not pass (${report.verdict}): ${report.counterexample?.failure.message ?? ''}`);
    return report.commandsPerSecond;
  } finally {
    session.close();
  }
}

/** What `benchProtocol` measured. */
export interface ProtocolFigures {
  readonly implementation: 'c' | 'js-adapter';
  readonly protocolCommandsPerSecond: number;
  readonly protocolUnpipelinedCommandsPerSecond: number;
  readonly protocolPipeliningSpeedup: number;
  /** Pipelined through the process over the in-process check of the same budget, same bench. */
  readonly protocolVsInProcess: number;
}

/** Measures the protocol's throughput pipelined (median of 3) and one request at a time. */
export async function benchProtocol(runs = 600, unpipelinedRuns = 150): Promise<ProtocolFigures> {
  const impl = protocolImplementation();
  await commandsPerSecond(impl.command, true, 1, 100);
  const pipelined: number[] = [];
  for (let i = 0; i < 3; i++) pipelined.push(await commandsPerSecond(impl.command, true, DEFAULT_SEED, runs));
  const median = pipelined.sort((a, b) => a - b)[1]!;
  const unpipelined = await commandsPerSecond(impl.command, false, DEFAULT_SEED, unpipelinedRuns);
  const inProcess = await runConformance({ parts: defaultParts(), budget: { seed: DEFAULT_SEED, runs, steps: 200, swarm: false } });
  return {
    implementation: impl.name,
    protocolCommandsPerSecond: median,
    protocolUnpipelinedCommandsPerSecond: unpipelined,
    protocolPipeliningSpeedup: Math.round((median / unpipelined) * 10) / 10,
    protocolVsInProcess: Math.round((median / inProcess.commandsPerSecond) * 100) / 100,
  };
}
