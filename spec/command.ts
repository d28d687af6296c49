/**
 * Commands (SPEC §3): one per operation, in the shape of a SPEC §8 trace line.
 *
 * Fields carry their JSON types only. A value of the right JSON type but outside its domain
 * (a non-integer vpn, an unknown prot, a dev out of range, a bad fail code) is not a type
 * error: the world answers it with `{err: "EINVAL"}` (SPEC §3, order of checks). So `prot`,
 * `choice` and `code` are plain strings here; `Prot`, `Choice` and `isFailCode` name their domains.
 */

export interface Mmap { readonly cmd: 'mmap'; readonly mm: number; readonly start: number; readonly npages: number; readonly prot: string }
export interface Munmap { readonly cmd: 'munmap'; readonly mm: number; readonly start: number; readonly npages: number }
export interface Mprotect { readonly cmd: 'mprotect'; readonly mm: number; readonly start: number; readonly npages: number; readonly prot: string }
export interface Read { readonly cmd: 'read'; readonly mm: number; readonly vpn: number }
export interface Write { readonly cmd: 'write'; readonly mm: number; readonly vpn: number; readonly value: number }
export interface Fork { readonly cmd: 'fork'; readonly mm: number }
export interface Migrate { readonly cmd: 'migrate'; readonly mm: number; readonly start: number; readonly npages: number }
export interface Writeback { readonly cmd: 'writeback'; readonly mm: number; readonly start: number; readonly npages: number }
export interface Reclaim { readonly cmd: 'reclaim'; readonly mm: number; readonly start: number; readonly npages: number }
export interface Exit { readonly cmd: 'exit'; readonly mm: number }
export interface Register { readonly cmd: 'register'; readonly dev: number; readonly mm: number }
export interface Unregister { readonly cmd: 'unregister'; readonly dev: number; readonly mm: number }
export interface DevRead { readonly cmd: 'devRead'; readonly dev: number; readonly mm: number; readonly vpn: number }
export interface DevWrite { readonly cmd: 'devWrite'; readonly dev: number; readonly mm: number; readonly vpn: number; readonly value: number }
export interface DevFault { readonly cmd: 'devFault'; readonly dev: number; readonly mm: number; readonly start: number; readonly npages: number; readonly write: boolean }
export interface Signal { readonly cmd: 'signal'; readonly dev: number }
export interface Fail { readonly cmd: 'fail'; readonly dev: number; readonly code: string }
/** `choice` absent means `sync` (SPEC §3). */
export interface Step { readonly cmd: 'step'; readonly op: number; readonly choice?: string }
export interface Finish { readonly cmd: 'finish'; readonly op: number }

/** One operation of SPEC §3. */
export type Command =
  | Mmap | Munmap | Mprotect | Read | Write | Fork | Migrate | Writeback | Reclaim | Exit
  | Register | Unregister | DevRead | DevWrite | DevFault | Signal | Fail | Step | Finish;

export type CommandName = Command['cmd'];

/** The JSON type of each field a command carries (SPEC §8); `?` marks an optional field. */
export type FieldType = 'integer' | 'string' | 'boolean' | 'string?';

/**
 * Each command's fields and their JSON types, in the order a command prints them.
 * `integer` means a JSON number; whether it is a safe integer in its domain is the world's
 * EINVAL check, not a trace error.
 */
export const COMMAND_FIELDS: { readonly [K in CommandName]: Readonly<Record<string, FieldType>> } = {
  mmap: { mm: 'integer', start: 'integer', npages: 'integer', prot: 'string' },
  munmap: { mm: 'integer', start: 'integer', npages: 'integer' },
  mprotect: { mm: 'integer', start: 'integer', npages: 'integer', prot: 'string' },
  read: { mm: 'integer', vpn: 'integer' },
  write: { mm: 'integer', vpn: 'integer', value: 'integer' },
  fork: { mm: 'integer' },
  migrate: { mm: 'integer', start: 'integer', npages: 'integer' },
  writeback: { mm: 'integer', start: 'integer', npages: 'integer' },
  reclaim: { mm: 'integer', start: 'integer', npages: 'integer' },
  exit: { mm: 'integer' },
  register: { dev: 'integer', mm: 'integer' },
  unregister: { dev: 'integer', mm: 'integer' },
  devRead: { dev: 'integer', mm: 'integer', vpn: 'integer' },
  devWrite: { dev: 'integer', mm: 'integer', vpn: 'integer', value: 'integer' },
  devFault: { dev: 'integer', mm: 'integer', start: 'integer', npages: 'integer', write: 'boolean' },
  signal: { dev: 'integer' },
  fail: { dev: 'integer', code: 'string' },
  step: { op: 'integer', choice: 'string?' },
  finish: { op: 'integer' },
};

export const COMMAND_NAMES = Object.keys(COMMAND_FIELDS) as readonly CommandName[];

/** CPU operations (SPEC §3): they take part in the EBUSY overlap check of their mm. */
export const CPU_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'mmap', 'munmap', 'mprotect', 'read', 'write', 'fork', 'migrate', 'writeback', 'reclaim', 'exit',
]);
