/**
 * The flag parser of `hmm-check`: node:util `parseArgs` in strict mode does the splitting
 * (`--name value`, `--name=value`, boolean `--name`, `--` ending the flags), and each declared
 * flag's value is then checked against its `FlagSpec`. Anything else is a `UsageError`, a typed
 * value the CLI prints as one line with exit 2; node's own messages (several lines, advice about
 * `--`) are replaced by ours, naming the flag.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import { MAX_QUOTED, printable, quote } from '../trace/printable.js';

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

/** The value type a flag of kind K parses to. */
type ValueOf<K extends FlagKind> = K extends 'boolean' ? boolean : K extends 'string' ? string : number;

/** The parsed flags of `specs`, each typed by its kind (absent when not given). */
export type TypedFlags<S extends Readonly<Record<string, FlagSpec>>> = { [N in keyof S]?: ValueOf<S[N]['kind']> };

/** Bad usage: printed as `hmm-check <sub>: <message>` with exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ParsedArgs<S extends Readonly<Record<string, FlagSpec>> = Readonly<Record<string, FlagSpec>>> {
  readonly flags: TypedFlags<S> & FlagValues;
  readonly positional: readonly string[];
}

type NodeOptions = Record<string, { type: 'string' | 'boolean' }>;

/** Parses `argv` against `specs`; rejects unknown flags, bad values and more than `maxPositional` arguments. */
export function parseArgs<S extends Readonly<Record<string, FlagSpec>>>(argv: readonly string[], specs: S, maxPositional = 0): ParsedArgs<S> {
  const options: NodeOptions = {};
  for (const [name, spec] of Object.entries(specs)) options[name] = { type: spec.kind === 'boolean' ? 'boolean' : 'string' };
  const args = joinDashValues(argv, specs);
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = nodeParseArgs({ args, options, strict: true, allowPositionals: true }) as typeof parsed;
  } catch (e) {
    throw whyRefused(args, options, e);
  }
  if (parsed.positionals.length > maxPositional) throw new UsageError(`unexpected argument ${quote(parsed.positionals[maxPositional]!)}`);
  const flags: FlagValues = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    flags[name] = typeof value === 'string' ? parseValue(name, value, specs[name]!) : value;
  }
  return { flags: flags as TypedFlags<S> & FlagValues, positional: parsed.positionals };
}

/**
 * `--seed -5` means the value -5, as before: node's strict mode refuses a separate value that
 * starts with a dash, so such a pair is passed on as `--seed=-5`. A value starting with `--` is
 * still a missing value (`--out --json`).
 */
function joinDashValues(argv: readonly string[], specs: Readonly<Record<string, FlagSpec>>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    const spec = arg.startsWith('--') && !arg.includes('=') ? specs[arg.slice(2)] : undefined;
    const next = argv[i + 1];
    if (spec !== undefined && spec.kind !== 'boolean' && next !== undefined && next.startsWith('-') && !next.startsWith('--')) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Our one-line message for what node's strict mode refused: found again among the tokens of a lenient parse. */
function whyRefused(args: string[], options: NodeOptions, e: unknown): UsageError {
  const { tokens } = nodeParseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const flag = quote(t.rawName);
    const type = options[t.name]?.type;
    if (type === undefined) return new UsageError(`unknown flag ${flag} (see --help)`);
    if (type === 'boolean' && t.value !== undefined) return new UsageError(`flag ${flag} takes no value`);
    if (type === 'string' && (t.value === undefined || (!t.inlineValue && t.value.startsWith('-')))) return new UsageError(`flag ${flag} needs a value`);
  }
  return new UsageError(e instanceof Error ? e.message.split('\n')[0]! : String(e));
}

function parseValue(name: string, text: string, spec: FlagSpec): number | string {
  const flag = `'--${name}'`;
  if (spec.kind === 'string') {
    if (spec.oneOf && !spec.oneOf.includes(text)) throw new UsageError(`flag ${flag} must be one of ${spec.oneOf.join(', ')}, not ${quote(text)}`);
    return text;
  }
  const value = Number(text);
  const isInt = spec.kind === 'integer';
  if (text.trim() === '' || !Number.isFinite(value) || (isInt && !Number.isSafeInteger(value))) {
    throw new UsageError(`flag ${flag} needs ${isInt ? 'an integer' : 'a number'}, not ${quote(text)}`);
  }
  if (spec.min !== undefined && value < spec.min) throw new UsageError(`flag ${flag} must be at least ${spec.min}, not ${printable(text, MAX_QUOTED)}`);
  if (spec.max !== undefined && value > spec.max) throw new UsageError(`flag ${flag} must be at most ${spec.max}, not ${printable(text, MAX_QUOTED)}`);
  return value;
}
