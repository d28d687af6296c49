/**
 * The checker's requests (docs/protocol.md, Requests and answers), each one NDJSON line with its
 * newline. A command is a SPEC §8 trace line without `expect`: `cmd` first, then its fields in
 * SPEC §3 order, `choice` only when it is not the default `sync`.
 */
import type { Command, WorldConfig } from '../../spec/index.js';
import { commandJson } from '../trace/index.js';

/** The protocol version this checker speaks. */
export const PROTOCOL_VERSION = 1;

/** `{"hello":1,"config":{"devices":2}}`: the first request of every session. */
export function helloRequest(config: WorldConfig): string {
  return `{"hello":${PROTOCOL_VERSION},"config":{"devices":${JSON.stringify(config.devices)}}}\n`;
}

/** `{"reset":1,"config":{"devices":2}}`: a fresh world without a new process. */
export function resetRequest(config: WorldConfig): string {
  return `{"reset":1,"config":{"devices":${JSON.stringify(config.devices)}}}\n`;
}

/** `{"observe":1}`. */
export const OBSERVE_REQUEST = '{"observe":1}\n';

/** `{"check":1}`: the implementation's structural self-check (only when it declared `selfCheck`). */
export const CHECK_REQUEST = '{"check":1}\n';

/** A command as a request line: `{"cmd":"devWrite","dev":0,"mm":0,"vpn":5,"value":7}`. */
export function commandRequest(command: Command): string {
  const json = commandJson(command);
  if (json['choice'] === 'sync') delete json['choice'];
  return `${JSON.stringify(json)}\n`;
}
