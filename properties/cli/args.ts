/**
 * A small, strict flag parser for `hmm-check`: every flag is declared, every value checked,
 * and anything else is a `UsageError` (a typed value the CLI prints as one line, exit 2).
 */

export type FlagKind = 'boolean' | 'integer' | 'number' | 'string';

export interface FlagSpec {
  readonly kind: FlagKind;
  /** Smallest accepted value for integer/number flags. */
  readonly min?: number;
  /** Largest accepted value for integer/number flags. */
  readonly max?: number;
  /** Accepted values for string flags. */
  readonly oneOf?: readonly string[];
}

export type FlagValues = Record<string, boolean | number | string | undefined>;

/** Bad usage: printed as `hmm-check <sub>: <message>` with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs {
  readonly flags: FlagValues;
  readonly positional: readonly string[];
}

/** Parses `--name value`, `--name=value` and boolean `--name`; rejects unknown flags and bad values. */
export function parseArgs(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>, maxPositional = 0): ParsedArgs {
  const flags: FlagValues = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      if (positional.length >= maxPositional) throw new UsageError(`unexpected argument '${arg}'`);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const spec = specs[name];
    if (!spec) throw new UsageError(`unknown flag '--${name}' (see --help)`);
    if (spec.kind === 'boolean') {
      if (eq >= 0) throw new UsageError(`flag '--${name}' takes no value`);
      flags[name] = true;
      continue;
    }
    let text: string | undefined;
    if (eq >= 0) text = arg.slice(eq + 1);
    else {
      text = argv[i + 1];
      i++;
    }
    if (text === undefined || (eq < 0 && text.startsWith('--'))) throw new UsageError(`flag '--${name}' needs a value`);
    flags[name] = parseValue(name, text, spec);
  }
  return { flags, positional };
}

function parseValue(name: string, text: string, spec: FlagSpec): number | string {
  if (spec.kind === 'string') {
    if (spec.oneOf && !spec.oneOf.includes(text)) {
      throw new UsageError(`flag '--${name}' must be one of ${spec.oneOf.join(', ')}, not '${text}'`);
    }
    return text;
  }
  const value = Number(text);
  const isInt = spec.kind === 'integer';
  if (text.trim() === '' || !Number.isFinite(value) || (isInt && !Number.isSafeInteger(value))) {
    throw new UsageError(`flag '--${name}' needs ${isInt ? 'an integer' : 'a number'}, not '${text}'`);
  }
  if (spec.min !== undefined && value < spec.min) throw new UsageError(`flag '--${name}' must be at least ${spec.min}, not ${text}`);
  if (spec.max !== undefined && value > spec.max) throw new UsageError(`flag '--${name}' must be at most ${spec.max}, not ${text}`);
  return value;
}
