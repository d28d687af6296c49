/**
 * The 1-minimality check of issue 11, apart from the pass that claims it: removing any single
 * command of a counterexample's program (ids renumbered), or any single step's driver choice,
 * must make its failure go away (properties/minimize/sameFailure.ts).
 */
import { needsDrain, runCandidate, sameFailure, symbolicRun, withoutChoice, type MinimizeSystem } from '../../../properties/minimize/index.js';
import type { FailureDetails } from '../../../properties/runner/index.js';
import type { Command } from '../../../spec/index.js';

/** The single removals after which the same failure still shows: empty when the program is 1-minimal. */
export function removableParts(commands: readonly Command[], failure: FailureDetails, fresh: () => MinimizeSystem): string[] {
  const program = symbolicRun(commands, fresh());
  const drain = needsDrain(failure);
  const still = (candidate: typeof program): boolean => {
    const f = runCandidate(candidate, fresh(), drain).failure;
    return f !== undefined && sameFailure(failure, f.details);
  };
  const out: string[] = [];
  if (!still(program)) out.push('the program itself does not fail the same way');
  program.forEach((s, i) => {
    if (still(program.filter((_, j) => j !== i))) out.push(`command ${i + 1} (${s.command.cmd})`);
    const plain = withoutChoice(s);
    if (plain !== undefined && still(program.map((x, j) => (j === i ? plain : x)))) out.push(`the choice of command ${i + 1}`);
  });
  return out;
}
