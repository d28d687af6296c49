/**
 * Closed vocabularies of SPEC §2–§5: protections, driver answers, op kinds, event types,
 * lifecycle states and phases. Observed names (SPEC §7) are exactly these strings.
 */

/** A vma's protection (SPEC §2). */
export const PROTS = ['none', 'r', 'rw'] as const;
export type Prot = (typeof PROTS)[number];
export const isProt = (s: string): s is Prot => (PROTS as readonly string[]).includes(s);

/** How the driver answers an update step (SPEC §3 `step`, §4.2). Default `sync`. */
export const CHOICES = ['sync', 'fence', 'error'] as const;
export type Choice = (typeof CHOICES)[number];
export const isChoice = (s: string): s is Choice => (CHOICES as readonly string[]).includes(s);

/**
 * A fence failure code given to `fail` (SPEC §3): a string matching `E[A-Z0-9]+` other than
 * `"EAGAIN"`. Only `"EIO"` is the documented failure; any other adds a warning (SPEC §4.2 wait).
 */
export const isFailCode = (s: string): boolean => /^E[A-Z0-9]+$/.test(s) && s !== 'EAGAIN';

/** Kinds of in-flight ops (SPEC §7 `kind`). */
export const INVALIDATION_KINDS = ['munmap', 'mprotect', 'cow', 'fork', 'migrate', 'writeback', 'reclaim'] as const;
export const FAULT_KINDS = ['rfault', 'wfault'] as const;
export type InvalidationKind = (typeof INVALIDATION_KINDS)[number];
export type FaultKind = (typeof FAULT_KINDS)[number];
export type OpKind = InvalidationKind | FaultKind;
export const isFaultKind = (k: OpKind): k is FaultKind => k === 'rfault' || k === 'wfault';

/** Event types of the 2014 series (SPEC §4.1). */
export type EventType = 'MUNMAP' | 'MIGRATE' | 'WRITE_PROTECT' | 'ISDIRTY' | 'DEVICE_RFAULT' | 'DEVICE_WFAULT';

/**
 * Which bits of a valid mirror pte stay when an event commits (SPEC §4.1); dirty is always
 * harvested to the page first. `none`: the entry is removed.
 */
export type PteMask = 'none' | 'valid' | 'validWrite';

/** The pte_mask of each invalidation event type (SPEC §4.1). */
export const PTE_MASK: Readonly<Record<'MUNMAP' | 'MIGRATE' | 'WRITE_PROTECT' | 'ISDIRTY', PteMask>> = {
  MUNMAP: 'none',
  MIGRATE: 'none',
  WRITE_PROTECT: 'valid',
  ISDIRTY: 'validWrite',
};

/** Mirror lifecycle states (SPEC §5). `freed` is never observed: a freed mirror leaves the observation. */
export const MIRROR_STATES = ['live', 'unregistered', 'released', 'killed', 'freed'] as const;
export type MirrorState = (typeof MIRROR_STATES)[number];

/** Fence lifecycle states (SPEC §5). `freed` is never observed. */
export const FENCE_STATES = ['pending', 'signaled', 'failed', 'freed'] as const;
export type FenceState = (typeof FENCE_STATES)[number];

/** Invalidation phases (SPEC §4.2, §5). `end` is final: the op has left the observation. */
export const INVALIDATION_PHASES = ['created', 'start', 'update', 'wait', 'commit', 'apply', 'end'] as const;
export type InvalidationPhase = (typeof INVALIDATION_PHASES)[number];

/** Device fault phases (SPEC §4.3, §5). `end` is final. */
export const FAULT_PHASES = ['created', 'start', 'walk', 'end'] as const;
export type FaultPhase = (typeof FAULT_PHASES)[number];

export type OpPhase = InvalidationPhase | FaultPhase;

/** mm state (SPEC §2). */
export type MmState = 'live' | 'dead';
