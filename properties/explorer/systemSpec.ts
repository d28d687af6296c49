/**
 * Which system an exploration runs, as a value a worker thread can be given: the model and the
 * implementation in lockstep (the default), or one world alone under the rules (`--rules-only`:
 * the implementation, or the model with `--model`), the implementation optionally built with a
 * named mutant (impl/mutants). The parts are loaded with a dynamic import, as `hmm-check run`
 * loads them, so a broken `impl/` gives a one-line error.
 */
import { MemoryIsMemory, RULES } from '../rules/index.js';
import type { Part, SystemParts } from './system.js';

/** What to explore. */
export interface SystemSpec {
  /** `lockstep`: model and implementation; `impl` or `model`: that world alone, rules only. */
  readonly mode: 'lockstep' | 'impl' | 'model';
  /** A mutant of the implementation (impl/mutants), by name. */
  readonly mutant?: string;
}

/** Loading failed: what to print (a usage error for an unknown mutant, else exit 70). */
export class SystemLoadError extends Error {
  override readonly name = 'SystemLoadError';
  constructor(message: string, readonly usage: boolean) {
    super(message);
  }
}

/** The names of the mutants of impl/mutants. */
export async function mutantNames(): Promise<readonly string[]> {
  const { MUTANTS } = await importOr('../../impl/mutants/index.js');
  return (MUTANTS as readonly { name: string }[]).map((m) => m.name);
}

/** The parts `spec` names: worlds, the rules of SPEC §6, a fresh memoryIsMemory tracker. */
export async function loadParts(spec: SystemSpec): Promise<SystemParts> {
  if (spec.mode === 'model' && spec.mutant !== undefined) throw new SystemLoadError('--mutant applies to the implementation, not to the model alone', true);
  if (spec.mutant !== undefined) {
    const known = await mutantNames();
    if (!known.includes(spec.mutant)) throw new SystemLoadError(`unknown mutant '${spec.mutant}' (known: ${known.join(', ')})`, true);
  }
  const parts: Part[] = [];
  if (spec.mode !== 'impl') {
    const { createModelWorld } = await importOr('../../model/index.js');
    parts.push({ name: 'model', factory: (config) => createModelWorld(config) });
  }
  if (spec.mode !== 'model') {
    const { createImplWorld } = await importOr('../../impl/index.js');
    const mutant = spec.mutant;
    const name = mutant === undefined ? 'impl' : `impl (mutant ${mutant})`;
    parts.push({ name, factory: mutant === undefined ? (config) => createImplWorld(config) : (config) => createImplWorld(config, { mutant }) });
  }
  return { parts, rules: RULES, memory: () => new MemoryIsMemory() };
}

/** A one-line name of the system, for reports. */
export function describeSystem(spec: SystemSpec): string {
  const impl = spec.mutant === undefined ? 'impl' : `impl (mutant ${spec.mutant})`;
  if (spec.mode === 'lockstep') return `model and ${impl} in lockstep`;
  return `${spec.mode === 'model' ? 'model' : impl} alone, rules only`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function importOr(module: string): Promise<any> {
  try {
    return await import(module);
  } catch (e) {
    throw new SystemLoadError(`cannot load ${module}: ${e instanceof Error ? e.message : String(e)}`, false);
  }
}
