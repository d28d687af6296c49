/**
 * A context-bounded scope (`--context-bound K`, CHESS's iterative context bounding): a fixed
 * concurrent program over the worlds, read from JSON (`scopes/races.json`).
 * - `setup`: commands applied first, in order (each `step`/`finish` naming an op by id);
 * - `threads`: each a list of commands run in order; a command that creates an op (`{op}`)
 *   is followed by that op's steps, each tried with every answer of `choices`, until it ends;
 * - device completions: for each device with a pending invalidation, `signal`, and `fail`
 *   with each of `failCodes`, as a thread of its own; an op no thread owns (a COW break a
 *   fault walk made) is stepped by a thread of its own too.
 * A thread whose next step answers EAGAIN and changes nothing is blocked.
 */
import { isChoice, type Command } from '../../spec/index.js';
import { isJsonObject, parseLine } from '../trace/parseLine.js';
import { ScopeError } from './scope.js';

/** One program thread. */
export interface ProgramThread {
  readonly name: string;
  readonly commands: readonly Command[];
}

/** A context-bounded scope. */
export interface ThreadScope {
  readonly description: string;
  readonly devices: number;
  readonly setup: readonly Command[];
  readonly threads: readonly ProgramThread[];
  readonly choices: readonly string[];
  readonly failCodes: readonly string[];
}

/** A thread scope from its JSON value; `where` names the file in errors. */
export function parseThreadScope(json: unknown, where: string): ThreadScope {
  if (!isJsonObject(json)) throw new ScopeError(`${where} must be a JSON object`);
  const devices = json['devices'] ?? 2;
  if (typeof devices !== 'number' || !Number.isInteger(devices) || devices < 1 || devices > 8) throw new ScopeError(`${where}: "devices" must be an integer from 1 to 8`);
  if (!Array.isArray(json['threads']) || json['threads'].length === 0) throw new ScopeError(`${where}: a context-bounded scope needs "threads", a non-empty list`);
  const threads = json['threads'].map((t: unknown, i: number): ProgramThread => {
    if (!isJsonObject(t) || !Array.isArray(t['commands'])) throw new ScopeError(`${where}: thread ${i} must be {"name": ..., "commands": [...]}`);
    return { name: typeof t['name'] === 'string' ? t['name'] : `thread${i}`, commands: commands(t['commands'], `${where}: thread ${i}`) };
  });
  const choices = strings(json['choices'] ?? ['sync'], `${where}: "choices"`);
  const bad = choices.find((c) => !isChoice(c));
  if (bad !== undefined) throw new ScopeError(`${where}: "choices": ${JSON.stringify(bad)} is not sync, fence or error`);
  return {
    description: typeof json['description'] === 'string' ? json['description'] : '',
    devices,
    setup: commands(json['setup'] ?? [], `${where}: "setup"`),
    threads,
    choices,
    failCodes: strings(json['failCodes'] ?? [], `${where}: "failCodes"`),
  };
}

function commands(v: unknown, where: string): Command[] {
  if (!Array.isArray(v)) throw new ScopeError(`${where} must be a list of commands`);
  return v.map((c: unknown, i: number) => {
    const line = parseLine(c, i + 1);
    if ('kind' in line) throw new ScopeError(`${where}, command ${i + 1}: ${line.message}`);
    if (!('command' in line)) throw new ScopeError(`${where}, command ${i + 1}: a note is not a command`);
    return line.command;
  });
}

function strings(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new ScopeError(`${where} must be a list of strings`);
  return v as string[];
}

/** True when a scope file's JSON is a thread scope. */
export function isThreadScope(json: unknown): boolean {
  return isJsonObject(json) && json['threads'] !== undefined;
}
