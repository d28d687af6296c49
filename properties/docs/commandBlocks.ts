/**
 * The commands' generated parts: the table of every command with its fields, its refusals in
 * SPEC §3's order of checks and the errors of its steps, each code linked to the test that
 * reaches it (`commands`), and what each refusal means (`checks`). From `COMMAND_FIELDS`,
 * `CPU_COMMANDS` and `ORDER_OF_CHECKS` (spec/).
 */
import { COMMAND_FIELDS, COMMAND_NAMES, CPU_COMMANDS, ORDER_OF_CHECKS, type Check, type CommandName } from '../../spec/index.js';
import type { DocFacts } from './facts.js';
import { linkToFile, linkToPlace } from './links.js';
import { DocsError } from './sourceIndex.js';

const TYPE: Readonly<Record<string, string>> = { integer: 'number', string: 'string', boolean: 'boolean', 'string?': 'string' };

/** `{mm: number, start: number, …}` as a trace line carries the command's fields (SPEC §8). */
export function fieldsOf(cmd: CommandName): string {
  const fields = Object.entries(COMMAND_FIELDS[cmd]).map(([name, type]) => `${name}${type.endsWith('?') ? '?' : ''}: ${TYPE[type]}`);
  return `\`{${fields.join(', ')}}\``;
}

function codeLinks(f: DocFacts, cmd: CommandName, checks: readonly Check[], sep: string): string {
  if (checks.length === 0) return '';
  return checks.map(({ code }) => {
    const place = f.reachTests.get(`${cmd}:${code}`);
    if (place === undefined) throw new DocsError(`no reach('${cmd}', '${code}', …) test in ${'test/spec/orderOfChecks.test.ts'}`);
    return `[\`${code}\`](${linkToPlace(f.doc, place)})`;
  }).join(sep);
}

/** The commands in SPEC §3's groups: CPU operations, mirrors and devices, driving ops. */
export function commandGroups(): { readonly title: string; readonly commands: readonly CommandName[] }[] {
  const driving = COMMAND_NAMES.filter((c) => ORDER_OF_CHECKS[c].stepErrors.length > 0);
  return [
    { title: 'CPU operations', commands: COMMAND_NAMES.filter((c) => CPU_COMMANDS.has(c)) },
    { title: 'Mirrors and devices', commands: COMMAND_NAMES.filter((c) => !CPU_COMMANDS.has(c) && !driving.includes(c)) },
    { title: 'Driving ops', commands: driving },
  ];
}

/** Block `commands`: one table row per command. */
export function commandsBlock(f: DocFacts): string {
  const rows = COMMAND_NAMES.map((cmd) => {
    const { refusals, stepErrors } = ORDER_OF_CHECKS[cmd];
    const def = `[\`${cmd}\`](${linkToFile(f.doc, f.commands.get(cmd)!)})`;
    return `| ${def} | ${fieldsOf(cmd)} | ${codeLinks(f, cmd, refusals, ' → ')} | ${codeLinks(f, cmd, stepErrors, ' · ')} |`;
  });
  return ['| command | fields (JSON types) | refused with, in order of checks | errors of its steps |', '|---|---|---|---|', ...rows].join('\n');
}

function checkLines(checks: readonly Check[], numbered: boolean): string[] {
  return checks.map((c, i) => `   ${numbered ? `${i + 1}.` : '-'} \`${c.code}\`: ${c.when}`);
}

/** Block `checks`: each command's refusals in order, with what gives each; the step errors once. */
export function checksBlock(): string {
  const out: string[] = [];
  for (const group of commandGroups()) {
    out.push(`**${group.title}**`, '');
    for (const cmd of group.commands) out.push(`- \`${cmd}\` refuses with`, ...checkLines(ORDER_OF_CHECKS[cmd].refusals, true));
    out.push('');
  }
  const stepping = COMMAND_NAMES.filter((c) => ORDER_OF_CHECKS[c].stepErrors.length > 0);
  const same = stepping.every((c) => JSON.stringify(ORDER_OF_CHECKS[c].stepErrors) === JSON.stringify(ORDER_OF_CHECKS[stepping[0]!].stepErrors));
  for (const cmds of same ? [stepping] : stepping.map((c) => [c])) {
    const names = cmds.map((c) => `\`${c}\``).join(' and ');
    out.push(`The step that ${names} ${cmds.length > 1 ? 'perform' : 'performs'} may answer, as its result (not a refusal):`, '');
    out.push(...checkLines(ORDER_OF_CHECKS[cmds[0]!].stepErrors, false).map((l) => l.slice(3)), '');
  }
  out.pop();
  return out.join('\n');
}
