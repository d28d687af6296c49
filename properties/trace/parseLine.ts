/**
 * One non-header trace line (SPEC §8) from its parsed JSON: a comment `{"note": "..."}`, or a
 * command whose fields have the JSON types of `COMMAND_FIELDS`, with an optional `expect`.
 * A well-typed value outside its domain (`"vpn": 1.5`, `"prot": "rwx"`) is kept: the world
 * answers it with EINVAL. Unknown extra fields are ignored.
 */
import { COMMAND_FIELDS, type Command, type CommandName, type FieldType } from '../../spec/index.js';
import { parseExpect } from './parseExpect.js';
import { quote } from './printable.js';
import type { TraceLine } from './trace.js';
import { describeJson, traceError, type TraceError } from './traceError.js';

type JsonObject = Readonly<Record<string, unknown>>;

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const has = (o: JsonObject, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

const TYPE_WORD: Readonly<Record<FieldType, string>> = {
  integer: 'a number',
  string: 'a string',
  boolean: 'a boolean',
  'string?': 'a string',
};

function hasJsonType(value: unknown, type: FieldType): boolean {
  if (type === 'integer') return typeof value === 'number';
  if (type === 'boolean') return typeof value === 'boolean';
  return typeof value === 'string';
}

/** Parses a line's JSON value (not the header) into a trace line, or says what is wrong. */
export function parseLine(value: unknown, line: number): TraceLine | TraceError {
  if (!isJsonObject(value)) return traceError(line, `a trace line must be a JSON object, got ${describeJson(value)}`);
  if (!has(value, 'cmd')) {
    const keys = Object.keys(value);
    if (keys.length === 1 && keys[0] === 'note') {
      const note = value['note'];
      if (typeof note !== 'string') return traceError(line, `field "note" must be a string, got ${describeJson(note)}`, 'note');
      return { line, note };
    }
    return traceError(line, 'missing field "cmd" (a line without "cmd" must be {"note": "..."} alone)', 'cmd');
  }
  const command = parseCommand(value, line);
  if ('kind' in command) return command;
  if (!has(value, 'expect')) return { line, command };
  const expect = parseExpect(value['expect'], line);
  if ('kind' in expect) return expect;
  return { line, command, expect };
}

function parseCommand(o: JsonObject, line: number): Command | TraceError {
  const cmd = o['cmd'];
  if (typeof cmd !== 'string') return traceError(line, `field "cmd" must be a string, got ${describeJson(cmd)}`, 'cmd');
  if (!has(COMMAND_FIELDS, cmd)) return traceError(line, `unknown command ${quote(cmd, '"')}`, 'cmd');
  const fields = COMMAND_FIELDS[cmd as CommandName];
  const command: Record<string, unknown> = { cmd };
  for (const [field, type] of Object.entries(fields)) {
    if (!has(o, field)) {
      if (type === 'string?') continue;
      return traceError(line, `${cmd}: missing field "${field}" (${TYPE_WORD[type]})`, field);
    }
    const v = o[field];
    if (!hasJsonType(v, type)) {
      return traceError(line, `field "${field}" must be ${TYPE_WORD[type]}, got ${describeJson(v)}`, field);
    }
    command[field] = v;
  }
  return command as unknown as Command;
}
