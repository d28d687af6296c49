/**
 * The implementation's own invariants (STYLE §7: throw only when our own invariant breaks), as
 * the kernel's BUG_ON / VM_BUG_ON: a correct implementation never trips one, so this is the
 * one place where such a throw is written. The message is built only when it trips.
 */

/** Throws `Error(message())` when `broken`. */
export function bugOn(broken: boolean, message: () => string): void {
  if (broken) throw new Error(message());
}
