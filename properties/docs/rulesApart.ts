/**
 * The rules the kill matrix credits that are not `Rule` objects over one observation (SPEC §6
 * `memoryIsMemory` and `drainable`, which need a history or a drain, and the checker's
 * `ptStructure`), described here for docs/semantics.md, with the place that defines each.
 * A rule id of the matrix with no description here nor in `RULES` stops `hmm-check docs`.
 */
import { DRAIN_MAX_ROUNDS } from '../rules/index.js';

/** A rule described for the document. */
export interface RuleApart {
  readonly id: string;
  readonly rule: string;
  readonly source: string;
  /** What it reads: parts of the observation, or other inputs in words. */
  readonly reads: readonly string[];
  /** The file that defines it, and the line pattern of its definition. */
  readonly file: string;
  readonly anchor: RegExp;
}

export const RULES_APART: readonly RuleApart[] = [
  {
    id: 'memoryIsMemory',
    rule: 'every `read`/`devRead` that returns `{ok}` returns the value last written at that vpn of that mm since the vpn was last mapped, or 0: a write answered `{op}` counts when that op ends, a munmap forgets its range when its op ends, exit forgets the mm, a fork child starts as a copy of its parent at apply',
    source: 'SPEC §6: what a process expects of memory (checked by the runner from the command history)',
    reads: ['the commands and their results', 'ops', 'next'],
    file: 'properties/rules/memoryIsMemory.ts',
    anchor: /^export class MemoryIsMemory/,
  },
  {
    id: 'drainable',
    rule: `at the end of a run, repeat (signal each device until its queue is empty; \`finish\` each op in flight at the start of the round, in id order) until no op is in flight, at most ${DRAIN_MAX_ROUNDS} rounds; then no op and no fence remains and every rule holds`,
    source: 'SPEC §6: liveness',
    reads: ['ops', 'pending', 'fences', 'and what every rule reads'],
    file: 'properties/rules/drainable.ts',
    anchor: /^export function checkDrained/,
  },
  {
    id: 'ptStructure',
    rule: "the implementation's structural self-check finds nothing: every CPU, mirror and device page table is sound, the page-table pool's accounting is exact, each mm's op sets agree with the ops in flight",
    source: "the checker, not SPEC §6: the invariants of the 2014 series' hmm_pt (count of valid entries per directory)",
    reads: ["the implementation's `checkStructure()`"],
    file: 'impl/world/checkWorld.ts',
    anchor: /^export function checkWorld/,
  },
];
