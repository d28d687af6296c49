/**
 * `--mutant NAME` of `run` and `replay`: a name from the mutant catalogue (impl/mutants), or a
 * usage error listing the names. The catalogue is loaded with a dynamic import, as the worlds
 * are, so a broken `impl/` breaks only the commands that need it.
 */
import { UsageError } from './args.js';

/** The usage error for a name that is not among `known` mutants, listing them. */
export function unknownMutant(name: string, known: readonly { readonly name: string }[]): UsageError {
  return new UsageError(`unknown mutant '${name}' (known: ${known.map((m) => m.name).join(', ')})`);
}

/** Resolves when `name` is a mutant; otherwise throws a UsageError naming the known ones. */
export async function knownMutant(name: string): Promise<void> {
  const { MUTANTS } = await import('../../impl/mutants/index.js');
  if (!MUTANTS.some((m) => m.name === name)) throw unknownMutant(name, MUTANTS);
}
