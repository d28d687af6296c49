/**
 * Results and error codes (SPEC §3).
 *
 * Every command gives exactly one result: `{ok: value}`, `{op: id}` when it created an
 * op that goes on in steps (SPEC §4), or `{err: CODE}`.
 */

/** The closed set of error codes, each documented where SPEC §3 defines it. */
export const ERROR_CODES = [
  /** malformed argument: a value outside its domain */
  'EINVAL',
  /** no such mm, or the mm is dead */
  'ESRCH',
  /** no such live mirror, op, or pending invalidation */
  'ENOENT',
  /** a CPU operation of this mm overlapping the range is in flight (retry later) */
  'EBUSY',
  /** already there */
  'EEXIST',
  /** part of the range has no vma (mprotect, as in Linux) */
  'ENOMEM',
  /** no vma, or a vma with prot none */
  'EFAULT',
  /** write where the vma is not writable */
  'EPERM',
  /** retry: a fault backed off, a fence is not signalled yet */
  'EAGAIN',
  /** the faulting mirror is no longer live */
  'ENODEV',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type OkResult = { readonly ok: number };
export type OpResult = { readonly op: number };
export type ErrResult = { readonly err: ErrorCode };

/** What a command gives back. */
export type Result = OkResult | OpResult | ErrResult;

export const ok = (value: number): OkResult => ({ ok: value });
export const opCreated = (op: number): OpResult => ({ op });
export const err = (code: ErrorCode): ErrResult => ({ err: code });

export function isErrorCode(s: string): s is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(s);
}

/** Two results are the same when they have the same tag and value. */
export function sameResult(a: Result, b: Result): boolean {
  if ('ok' in a) return 'ok' in b && a.ok === b.ok;
  if ('op' in a) return 'op' in b && a.op === b.op;
  return 'err' in b && a.err === b.err;
}

/** Prints a result as it appears in a trace: `{"ok":0}`, `{"op":3}`, `{"err":"EBUSY"}`. */
export function formatResult(r: Result): string {
  return JSON.stringify(r);
}
