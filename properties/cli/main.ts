#!/usr/bin/env node
/**
 * `hmm-check`: the command line. Dispatches to one subcommand; prints a one-line error and
 * exits 2 on bad usage, never a stack trace for bad input.
 */
import { oneLine, quote } from '../trace/printable.js';
import { UsageError } from './args.js';
import { EXIT_USAGE, type Subcommand } from './subcommand.js';
import { subcommands } from './subcommands.js';

function usage(): string {
  const width = Math.max(...subcommands.map((s) => s.name.length));
  const lines = subcommands.map((s) => `  ${s.name.padEnd(width)}  ${s.summary}`);
  return ['usage: hmm-check <command> [flags]   (hmm-check <command> --help for its flags)', '', 'commands:', ...lines, ''].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // No command is bad usage: the usage goes where errors go.
    process.stderr.write(usage());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  const sub: Subcommand | undefined = subcommands.find((s) => s.name === name);
  if (!sub) {
    process.stderr.write(`hmm-check: unknown command ${quote(name)}\n${usage()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(sub.help.endsWith('\n') ? sub.help : `${sub.help}\n`);
    return 0;
  }
  try {
    return await sub.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`hmm-check ${sub.name}: ${oneLine(e.message)}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Our own invariant broke: say so precisely. This is a bug in hmm-model, not bad input.
    process.stderr.write(`hmm-check: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
