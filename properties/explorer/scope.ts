/**
 * The explorer's scope, the bounds of exhaustive search (a TLC model-checking config): which
 * commands of SPEC §3 are tried, with which arguments. Kept in `properties/`, never in the
 * spec or the model (STYLE §9), and read from JSON files (`--scope FILE`; the default is
 * `scopes/default.json`), so a user widens or narrows a scope without code.
 *
 * A scope gives domains (devices, mms, vpns, ranges as [start, npages], values, prots,
 * failure codes, driver answers) and the commands tried; a command may narrow a domain for
 * itself (`"mmap": {"ranges": [[0, 1]]}`). `step` is tried with each answer for each op in
 * flight, `finish` once per op in flight. `maxOpsInFlight` and `maxFaultsPerMirror` are state
 * constraints, as TLC's CONSTRAINT: states past them are checked, not expanded. A context-bounded scope (`threads`) is read by `threadScope.ts`.
 */
import { CHOICES, COMMAND_NAMES, MAX_DEVICES, MIN_DEVICES, isFailCode, isProt, type CommandName } from '../../spec/index.js';

/** Per-command domains: what a command's arguments range over. */
export interface Domains {
  readonly devs: readonly number[];
  readonly mms: readonly number[];
  readonly vpns: readonly number[];
  /** `[start, npages]`. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly values: readonly number[];
  readonly prots: readonly string[];
  readonly failCodes: readonly string[];
  readonly choices: readonly string[];
  /** devFault's `write`. */
  readonly writes: readonly boolean[];
}

/** A breadth-first scope. */
export interface Scope {
  readonly description: string;
  /** Devices of the world (SPEC §1 configuration). */
  readonly devices: number;
  /**
   * A state constraint, as TLC's CONSTRAINT: a state with more ops in flight is checked but
   * not expanded (device accesses that miss keep creating faults, so without it the scope has
   * no bound). Absent: no constraint.
   */
  readonly maxOpsInFlight?: number;
  /**
   * A state constraint: a state where some mirror has more device faults in flight is checked
   * but not expanded (a device does not fault again on a mirror before its fault is answered;
   * without it most states are faults piling up). Absent: no constraint.
   */
  readonly maxFaultsPerMirror?: number;
  /**
   * Every command that names a device is tried on every device alike, so states equal up to
   * renaming devices behave alike (SPEC compares devices only for equality) and the state key
   * renames them too. Computed from the commands.
   */
  readonly symmetricDevices: boolean;
  /** Each command tried, with its domains (the scope's, narrowed where the command says). */
  readonly commands: Readonly<Partial<Record<CommandName, Domains>>>;
}

/** A scope file that cannot be used: the one line to print (exit 2). */
export class ScopeError extends Error {
  override readonly name = 'ScopeError';
}

const DOMAIN_KEYS: readonly (keyof Domains)[] = ['devs', 'mms', 'vpns', 'ranges', 'values', 'prots', 'failCodes', 'choices', 'writes'];

/** A scope from its JSON value; `where` names the file in errors. */
export function parseScope(json: unknown, where: string): Scope {
  const o = record(json, where);
  const devices = o['devices'] ?? 2;
  if (typeof devices !== 'number' || !Number.isInteger(devices) || devices < MIN_DEVICES || devices > MAX_DEVICES) {
    throw new ScopeError(`${where}: "devices" must be an integer from ${MIN_DEVICES} to ${MAX_DEVICES}`);
  }
  const base = domainsOf(o, where, defaultDomains(devices));
  const listed = o['commands'] === undefined ? Object.fromEntries(COMMAND_NAMES.map((c) => [c, {}])) : record(o['commands'], `${where}: "commands"`);
  const commands: Partial<Record<CommandName, Domains>> = {};
  for (const [name, narrow] of Object.entries(listed)) {
    if (!(COMMAND_NAMES as readonly string[]).includes(name)) throw new ScopeError(`${where}: unknown command "${name}" in "commands"`);
    commands[name as CommandName] = domainsOf(record(narrow, `${where}: "commands"."${name}"`), `${where}: "commands"."${name}"`, base);
  }
  const description = typeof o['description'] === 'string' ? o['description'] : '';
  const maxOps = o['maxOpsInFlight'];
  if (maxOps !== undefined && !natural(maxOps)) throw new ScopeError(`${where}: "maxOpsInFlight" must be a natural number`);
  const maxFaults = o['maxFaultsPerMirror'];
  if (maxFaults !== undefined && !natural(maxFaults)) throw new ScopeError(`${where}: "maxFaultsPerMirror" must be a natural number`);
  const symmetricDevices = deviceSymmetric(commands, devices);
  return {
    description, devices, commands, symmetricDevices,
    ...(maxOps === undefined ? {} : { maxOpsInFlight: maxOps as number }),
    ...(maxFaults === undefined ? {} : { maxFaultsPerMirror: maxFaults as number }),
  };
}

const DEVICE_COMMANDS: readonly CommandName[] = ['register', 'unregister', 'devRead', 'devWrite', 'devFault', 'signal', 'fail'];

/** True when each command naming a device is tried on exactly the devices 0..devices-1. */
function deviceSymmetric(commands: Partial<Record<CommandName, Domains>>, devices: number): boolean {
  return DEVICE_COMMANDS.every((name) => {
    const d = commands[name];
    return d === undefined || (new Set(d.devs).size === devices && d.devs.every((x) => x < devices));
  });
}

function defaultDomains(devices: number): Domains {
  return {
    devs: Array.from({ length: devices }, (_, d) => d), mms: [0], vpns: [0, 1], ranges: [[0, 2]], values: [1, 2],
    prots: ['r', 'rw'], failCodes: ['EIO'], choices: CHOICES, writes: [false, true],
  };
}

function record(v: unknown, where: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ScopeError(`${where} must be a JSON object`);
  return v as Record<string, unknown>;
}

/** `base` with the domains `o` gives replaced, each checked. */
function domainsOf(o: Record<string, unknown>, where: string, base: Domains): Domains {
  const out: Record<string, unknown> = { ...base };
  for (const key of DOMAIN_KEYS) if (o[key] !== undefined) out[key] = domain(key, o[key], `${where}: "${key}"`);
  return out as unknown as Domains;
}

const natural = (x: unknown): boolean => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

function domain(key: keyof Domains, v: unknown, where: string): unknown {
  if (!Array.isArray(v)) throw new ScopeError(`${where} must be a list`);
  const ok: Record<keyof Domains, (x: unknown) => boolean> = {
    devs: (x) => natural(x) && (x as number) < MAX_DEVICES,
    mms: natural,
    vpns: natural,
    ranges: (x) => Array.isArray(x) && x.length === 2 && natural(x[0]) && natural(x[1]) && (x[1] as number) >= 1,
    values: (x) => typeof x === 'number' && Number.isSafeInteger(x),
    prots: (x) => typeof x === 'string' && isProt(x),
    failCodes: (x) => typeof x === 'string' && isFailCode(x),
    choices: (x) => typeof x === 'string' && (CHOICES as readonly string[]).includes(x),
    writes: (x) => typeof x === 'boolean',
  };
  const bad = v.find((x) => !ok[key](x));
  if (bad !== undefined) throw new ScopeError(`${where}: ${JSON.stringify(bad)} is not a valid entry`);
  return v;
}

/** The commands of a scope in one line, for reports. */
export function describeScope(s: Scope): string {
  const names = Object.keys(s.commands);
  return `${s.description === '' ? '' : `${s.description}; `}${s.devices} device${s.devices === 1 ? '' : 's'}, ${names.length} command kinds`;
}
