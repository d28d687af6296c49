/**
 * The flag parser of every subcommand (properties/cli/args.ts, node:util parseArgs in strict
 * mode): the forms it accepts, and one line naming the flag for everything it refuses.
 */
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError, type FlagSpec } from '../../properties/cli/args.js';

const SPECS = {
  json: { kind: 'boolean' },
  seed: { kind: 'integer', min: -0x80000000, max: 0x7fffffff },
  limit: { kind: 'number', min: 0.001 },
  out: { kind: 'string' },
  format: { kind: 'string', oneOf: ['mermaid', 'dot'] },
} as const satisfies Record<string, FlagSpec>;

const refusal = (argv: string[], max = 0): string => {
  try {
    parseArgs(argv, SPECS, max);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as UsageError).message;
  }
  throw new Error(`accepted ${JSON.stringify(argv)}`);
};

describe('parseArgs: what it accepts', () => {
  it('--name value, --name=value and boolean --name, typed by kind', () => {
    const { flags, positional } = parseArgs(['--seed', '7', '--out=dir', '--json', 'FILE', '--limit', '1.5'], SPECS, 1);
    expect(flags).toEqual({ seed: 7, out: 'dir', json: true, limit: 1.5 });
    expect(positional).toEqual(['FILE']);
    const seed: number | undefined = flags.seed; // typed: a number flag parses to a number
    expect(seed).toBe(7);
  });

  it('a separate value starting with one dash is the value (--seed -5), as the printed replay commands need', () => {
    expect(parseArgs(['--seed', '-5'], SPECS).flags.seed).toBe(-5);
    expect(parseArgs(['--seed=-5'], SPECS).flags.seed).toBe(-5);
  });

  it('the last of a repeated flag wins; -- ends the flags', () => {
    expect(parseArgs(['--seed', '1', '--seed', '2'], SPECS).flags.seed).toBe(2);
    expect(parseArgs(['--', '--json'], SPECS, 1)).toEqual({ flags: {}, positional: ['--json'] });
  });
});

describe('parseArgs: one line naming the flag for what it refuses', () => {
  it.each([
    [['--sed', '1'], "unknown flag '--sed' (see --help)"],
    [['-x'], "unknown flag '-x' (see --help)"],
    [['--json=yes'], "flag '--json' takes no value"],
    [['--out'], "flag '--out' needs a value"],
    [['--out', '--json'], "flag '--out' needs a value"],
    [['--seed', 'many'], "flag '--seed' needs an integer, not 'many'"],
    [['--seed', '1.5'], "flag '--seed' needs an integer, not '1.5'"],
    [['--seed', ''], "flag '--seed' needs an integer, not ''"],
    [['--seed', '3000000000'], "flag '--seed' must be at most 2147483647, not 3000000000"],
    [['--limit', '0'], "flag '--limit' must be at least 0.001, not 0"],
    [['--format', 'svg'], "flag '--format' must be one of mermaid, dot, not 'svg'"],
    [['FILE'], "unexpected argument 'FILE'"],
  ])('%j', (argv, message) => {
    expect(refusal(argv)).toBe(message);
  });

  it('more positionals than allowed', () => {
    expect(refusal(['a', 'b'], 1)).toBe("unexpected argument 'b'");
  });

  it('escapes control characters and bounds what it quotes', () => {
    expect(refusal(['--x\u001b]0;title\u0007'])).toBe("unknown flag '--x\\u001b]0;title\\u0007' (see --help)");
    const huge = `--${'a'.repeat(1_000_000)}`;
    const message = refusal([huge]);
    expect(message.length).toBeLessThan(200);
    expect(message).toBe(`unknown flag '--${'a'.repeat(78)}…' (1000002 characters) (see --help)`);
  });
});
