/**
 * The explorer's scope (the "tiny finite scope"): the bounds of breadth-first
 * enumeration, kept here in `properties/` like a TLC model-checking config, never in the spec
 * or the model (STYLE §9). Every command the explorer tries is drawn from it (see
 * `enumerate.ts`); SPEC §3 gives their meaning.
 *
 * Default: mm 0 only (no fork, no exit), 2 devices, vpns 0–1, values {1, 2}; range commands
 * over the whole window `[0, pages)`; mmap/mprotect with `r` and `rw`; fail with `EIO`; steps
 * with each driver answer.
 */
import { CHOICES, MAX_DEVICES, MIN_DEVICES, type Choice, type Prot } from '../../spec/index.js';

/** The bounds of one exploration. */
export interface Scope {
  /** The only mm commands name (SPEC §1: mm 0 exists from the start). */
  readonly mm: number;
  /** vpns `0..pages-1`; range commands cover `[0, pages)`. */
  readonly pages: number;
  /** Devices `0..devices-1` (SPEC §1 configuration). */
  readonly devices: number;
  /** Values written by `write` and `devWrite`. */
  readonly values: readonly number[];
  /** Protections given to `mmap` and `mprotect`. */
  readonly prots: readonly Prot[];
  /** Codes given to `fail`. */
  readonly failCodes: readonly string[];
  /** Driver answers given to `step`. */
  readonly choices: readonly Choice[];
}

/** The default scope. */
export const DEFAULT_SCOPE: Scope = {
  mm: 0,
  pages: 2,
  devices: 2,
  values: [1, 2],
  prots: ['r', 'rw'],
  failCodes: ['EIO'],
  choices: CHOICES,
};

/** Largest `--pages` accepted: the state space grows steeply with it. */
export const MAX_PAGES = 8;

/** The default scope with `pages` and `devices` replaced where given. */
export function scopeWith(overrides: { readonly pages?: number; readonly devices?: number }): Scope {
  return { ...DEFAULT_SCOPE, ...definedOnly(overrides) };
}

function definedOnly(o: { readonly pages?: number; readonly devices?: number }): { pages?: number; devices?: number } {
  const out: { pages?: number; devices?: number } = {};
  if (o.pages !== undefined) out.pages = o.pages;
  if (o.devices !== undefined) out.devices = o.devices;
  return out;
}

/** Bounds for the CLI's `--pages` and `--devices`. */
export const SCOPE_BOUNDS = {
  pages: { min: 1, max: MAX_PAGES },
  devices: { min: MIN_DEVICES, max: MAX_DEVICES },
} as const;
