/**
 * Where the explorer's worlds come from: the implementation (`impl/`, `createImplWorld`), or the
 * model with `--model` (`model/`, `createModelWorld`), and a mutant of the implementation by
 * name. Loaded with a dynamic import, so a missing or broken side gives a one-line error
 * instead of a crash, as `hmm-check replay` does.
 *
 * Mutants: `createImplWorld(config, options)` takes the ops table entries a mutant replaces
 * (`ImplOptions.ops`). The catalogue of named mutants is another issue's; it is read from
 * `impl/mutants/index.js` as `MUTANTS: {name, ops?}[]` (or `{name, options}`) when it exists.
 */
import type { World, WorldConfig, WorldFactory } from '../../spec/index.js';

/** The world under exploration, by name. */
export interface WorldSource {
  /** `impl`, `model`, or `impl+mutant NAME`. */
  readonly name: string;
  readonly factory: WorldFactory;
}

/** A named mutant of the implementation: what `createImplWorld`'s second argument gets. */
export interface MutantEntry {
  readonly name: string;
  readonly options: unknown;
}

/** Loading failed: what to print (exit 2 for an unknown mutant, 70 for a broken world). */
export class WorldLoadError extends Error {
  override readonly name = 'WorldLoadError';
  constructor(message: string, readonly usage: boolean) {
    super(message);
  }
}

type ImplFactory = (config?: WorldConfig, options?: unknown) => World;

async function load(module: string, exportName: string): Promise<unknown> {
  try {
    const mod = (await import(module)) as Record<string, unknown>;
    return mod[exportName];
  } catch (e) {
    throw new WorldLoadError(`cannot load ${module}: ${e instanceof Error ? e.message : String(e)}`, false);
  }
}

async function factoryFrom(module: string, exportName: string): Promise<ImplFactory> {
  const f = await load(module, exportName);
  if (typeof f !== 'function') throw new WorldLoadError(`${module} does not export ${exportName}`, false);
  return f as ImplFactory;
}

/** The named mutants known, or none when the catalogue does not exist yet. */
export async function loadMutants(): Promise<readonly MutantEntry[]> {
  let list: unknown;
  try {
    list = ((await import('../../impl/mutants/index.js' as string)) as Record<string, unknown>)['MUTANTS'];
  } catch {
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((m: unknown): MutantEntry[] => {
    if (typeof m !== 'object' || m === null || typeof (m as { name?: unknown }).name !== 'string') return [];
    const { name, options, ops } = m as { name: string; options?: unknown; ops?: unknown };
    return [{ name, options: options ?? { ops } }];
  });
}

/** The world source the flags ask for; an unknown mutant is a usage error. */
export async function loadWorldSource(opts: { readonly model: boolean; readonly mutant?: string }): Promise<WorldSource> {
  if (opts.model) {
    if (opts.mutant !== undefined) throw new WorldLoadError('--mutant applies to the implementation, not with --model', true);
    const create = await factoryFrom('../../model/index.js', 'createModelWorld');
    return { name: 'model', factory: (config) => create(config) };
  }
  const create = await factoryFrom('../../impl/index.js', 'createImplWorld');
  if (opts.mutant === undefined) return { name: 'impl', factory: (config) => create(config) };
  const mutants = await loadMutants();
  const found = mutants.find((m) => m.name === opts.mutant);
  if (found === undefined) {
    const known = mutants.length === 0 ? 'no mutants are defined yet' : `known: ${mutants.map((m) => m.name).join(', ')}`;
    throw new WorldLoadError(`unknown mutant '${opts.mutant}' (${known})`, true);
  }
  return { name: `impl+mutant ${found.name}`, factory: (config) => create(config, found.options) };
}
