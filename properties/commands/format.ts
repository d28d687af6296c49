/**
 * Prints a command like the call it models (STYLE §3): `munmap(mm0, 0x40, +2)`,
 * `step(op3, fence)`, `devWrite(dev1, mm0, 0x5, 7)`. Addresses print in hex, page counts
 * with `+`. A failure prints these lines, so a counterexample reads like a program.
 */
import type { Command } from '../../spec/index.js';

/** `0x40`; a value outside the safe integers (EINVAL material) prints as is. */
export function hex(v: number): string {
  if (!Number.isSafeInteger(v)) return String(v);
  return v < 0 ? `-0x${(-v).toString(16)}` : `0x${v.toString(16)}`;
}

const pages = (n: number): string => (Number.isSafeInteger(n) && n >= 0 ? `+${n}` : String(n));
const text = (s: string): string => (/^[A-Za-z0-9_]+$/.test(s) ? s : JSON.stringify(s));

/**
 * The call a command models. `idMark` goes between an id's prefix and its number: `'#'` prints
 * an unresolved index (`mm#1`, `op#0` = newest op) instead of an id.
 */
export function formatCommand(c: Command, idMark = ''): string {
  const mm = (n: number): string => `mm${idMark}${n}`;
  const op = (n: number): string => `op${idMark}${n}`;
  const dev = (n: number): string => `dev${n}`;
  switch (c.cmd) {
    case 'mmap':
    case 'mprotect':
      return `${c.cmd}(${mm(c.mm)}, ${hex(c.start)}, ${pages(c.npages)}, ${text(c.prot)})`;
    case 'munmap':
    case 'migrate':
    case 'writeback':
    case 'reclaim':
      return `${c.cmd}(${mm(c.mm)}, ${hex(c.start)}, ${pages(c.npages)})`;
    case 'read':
      return `read(${mm(c.mm)}, ${hex(c.vpn)})`;
    case 'write':
      return `write(${mm(c.mm)}, ${hex(c.vpn)}, ${c.value})`;
    case 'fork':
    case 'exit':
      return `${c.cmd}(${mm(c.mm)})`;
    case 'register':
    case 'unregister':
      return `${c.cmd}(${dev(c.dev)}, ${mm(c.mm)})`;
    case 'devRead':
      return `devRead(${dev(c.dev)}, ${mm(c.mm)}, ${hex(c.vpn)})`;
    case 'devWrite':
      return `devWrite(${dev(c.dev)}, ${mm(c.mm)}, ${hex(c.vpn)}, ${c.value})`;
    case 'devFault':
      return `devFault(${dev(c.dev)}, ${mm(c.mm)}, ${hex(c.start)}, ${pages(c.npages)}, ${c.write ? 'write' : 'read'})`;
    case 'signal':
      return `signal(${dev(c.dev)})`;
    case 'fail':
      return `fail(${dev(c.dev)}, ${text(c.code)})`;
    case 'step':
      return c.choice === undefined ? `step(${op(c.op)})` : `step(${op(c.op)}, ${text(c.choice)})`;
    case 'finish':
      return `finish(${op(c.op)})`;
  }
}
