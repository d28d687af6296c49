/**
 * SPEC §3, order of checks, as data: for each command the error codes it can answer, in the
 * order it checks them (EINVAL, then existence, then EBUSY, then its own conditions; the first
 * that fails gives the result and nothing changes), and for `step`/`finish` the errors an op's
 * step gives as its result (SPEC §4). INTERPRETATION 1, 2, 3, 6 and 17 say which choices fill
 * SPEC's gaps. test/spec/orderOfChecks.test.ts reaches every code of every command on the model
 * and the implementation, and shows each order wherever two conditions can hold at once;
 * docs/semantics.md prints this table (`hmm-check docs`).
 */
import type { CommandName } from './command.js';
import type { ErrorCode } from './result.js';

/** One check: the code, and the condition that gives it, in a few words. */
export interface Check {
  readonly code: ErrorCode;
  readonly when: string;
}

/** What a command can answer besides success. */
export interface CommandChecks {
  /** Refusals in the order checked: the first that fails is the result, and the command changes nothing. */
  readonly refusals: readonly Check[];
  /** Errors that are an op step's result, not a refusal (`step`, `finish`; SPEC §4.2, §4.3). */
  readonly stepErrors: readonly Check[];
}

const MM = 'mm not a safe integer';
const RANGE = '`[start, start + npages)` not a range (§1)';
const PROT = 'prot not `none`, `r` or `rw`';
const VPN = 'vpn outside `[0, 2^36)`';
const VALUE = 'value not a safe integer';
const DEV = 'dev outside `0..devices-1`';
const ESRCH: Check = { code: 'ESRCH', when: 'mm missing or dead' };
const NO_MIRROR: Check = { code: 'ENOENT', when: 'no live mirror of dev on a live mm' };
const EBUSY_RANGE: Check = { code: 'EBUSY', when: 'a CPU operation of mm overlapping the range, or a fork of mm, in flight' };
const EBUSY_PAGE: Check = { code: 'EBUSY', when: 'a CPU operation of mm overlapping `[vpn, vpn+1)`, or a fork of mm, in flight' };
const EFAULT: Check = { code: 'EFAULT', when: 'no vma at vpn, or its prot is `none`' };
const EMPTY_QUEUE: Check = { code: 'ENOENT', when: "the device's pending queue is empty" };
const NO_OP: Check = { code: 'ENOENT', when: 'no op in flight with that id' };

const einval = (...what: string[]): Check => ({ code: 'EINVAL', when: what.join('; ') });
const refusals = (...checks: Check[]): CommandChecks => ({ refusals: checks, stepErrors: [] });

/** The errors of an op's steps (SPEC §4.2 wait; §4.3 start, walk, commit). */
export const STEP_ERRORS: readonly Check[] = [
  { code: 'EAGAIN', when: "retry: a fence wait answered -EAGAIN, or a device fault's start met an active overlapping invalidation (the op goes on); a write fault's walk met a shared read-only page, or a fault's commit found backoff (the fault ends)" },
  { code: 'EFAULT', when: "a device fault's walk met a page with no vma or prot `none` (the fault ends)" },
  { code: 'EPERM', when: "a write fault's walk met a vma that is not `rw` (the fault ends)" },
  { code: 'ENODEV', when: "a device fault's commit found its mirror no longer live (the fault ends)" },
];

/** Every command's checks, in SPEC §3 order of checks. */
export const ORDER_OF_CHECKS: { readonly [K in CommandName]: CommandChecks } = {
  mmap: refusals(einval(MM, RANGE, PROT), ESRCH, EBUSY_RANGE, { code: 'EEXIST', when: 'the range overlaps a vma' }),
  munmap: refusals(einval(MM, RANGE), ESRCH, EBUSY_RANGE),
  mprotect: refusals(einval(MM, RANGE, PROT), ESRCH, EBUSY_RANGE, { code: 'ENOMEM', when: 'a page of the range lies in no vma' }),
  read: refusals(einval(MM, VPN), ESRCH, EBUSY_PAGE, EFAULT),
  write: refusals(einval(MM, VPN, VALUE), ESRCH, EBUSY_PAGE, EFAULT, { code: 'EPERM', when: 'the vma at vpn is `r`' }),
  fork: refusals(einval(MM), ESRCH, { code: 'EBUSY', when: 'any CPU operation of mm in flight' }),
  migrate: refusals(einval(MM, RANGE), ESRCH, EBUSY_RANGE),
  writeback: refusals(einval(MM, RANGE), ESRCH, EBUSY_RANGE),
  reclaim: refusals(einval(MM, RANGE), ESRCH, EBUSY_RANGE),
  exit: refusals(einval(MM), ESRCH, { code: 'EBUSY', when: 'any op of mm in flight, device faults included' }),
  register: refusals(einval(DEV, MM), ESRCH, { code: 'EEXIST', when: 'dev already has a live mirror of mm' }),
  unregister: refusals(einval(DEV, MM), NO_MIRROR),
  devRead: refusals(einval(DEV, MM, VPN), NO_MIRROR),
  devWrite: refusals(einval(DEV, MM, VPN, VALUE), NO_MIRROR),
  devFault: refusals(einval(DEV, MM, RANGE, 'write not a boolean'), NO_MIRROR),
  signal: refusals(einval(DEV), EMPTY_QUEUE),
  fail: refusals(einval(DEV, 'code not `E[A-Z0-9]+`, or `EAGAIN`'), EMPTY_QUEUE),
  step: { refusals: [einval('op not a safe integer', 'choice not `sync`, `fence` or `error`'), NO_OP], stepErrors: STEP_ERRORS },
  finish: { refusals: [einval('op not a safe integer'), NO_OP], stepErrors: STEP_ERRORS },
};
