/**
 * The statechart diagrams are generated from the XState machines, and the README's copy
 * (between `<!-- diagrams:begin -->` and `<!-- diagrams:end -->`) is what the generator prints
 * now: change a machine without `hmm-check diagram --write README.md` and this fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createMachine } from 'xstate';
import { statechartCatalog } from '../../model/index.js';
import { DIAGRAM_MACHINES } from '../../properties/cli/diagram.js';
import { packageRoot } from '../../properties/cli/scenarios.js';
import { chartOf, diagramsBlock, findDiagramsBlock, mermaidOf, renderDiagrams, replaceDiagramsBlock } from '../../properties/diagram/index.js';

describe('statechart diagrams', () => {
  test('the README shows exactly what the generator prints now', () => {
    const candidates = ['README.md', 'docs/diagrams.md'].map((f) => join(packageRoot(), f)).filter(existsSync);
    const blocks = candidates.map((f) => findDiagramsBlock(readFileSync(f, 'utf8'))).filter((b) => b !== undefined);
    expect(blocks.length, 'no <!-- diagrams:begin --> block in README.md').toBeGreaterThan(0);
    for (const block of blocks) expect(block, 'stale diagrams: run hmm-check diagram --write README.md').toBe(diagramsBlock(DIAGRAM_MACHINES));
  });

  test('every state and transition of the catalog is drawn', () => {
    const catalog = statechartCatalog();
    const drawn = new Set<string>();
    // A catalog id names the branch by its guard where the event has several branches (each drawn as its own arrow).
    for (const m of DIAGRAM_MACHINES) {
      for (const t of chartOf(m).transitions) {
        drawn.add(`${m.id}: ${t.source} --${t.event}--> ${t.target}`);
        if (t.guard !== undefined) drawn.add(`${m.id}: ${t.source} --${t.event} [${t.guard}]--> ${t.target}`);
      }
    }
    for (const id of catalog.transitions) expect(drawn, id).toContain(id);
    expect(DIAGRAM_MACHINES.flatMap((m) => chartOf(m).transitions)).toHaveLength(catalog.transitions.length);
    const mermaid = renderDiagrams(DIAGRAM_MACHINES, 'mermaid');
    for (const id of catalog.states) expect(mermaid).toMatch(new RegExp(`\\b${id.split('.')[1]}\\b`));
  });

  test('guards by name, final states, Mermaid keywords aliased', () => {
    const text = mermaidOf(chartOf(DIAGRAM_MACHINES[1]));
    expect(text).toContain('state "end" as end_');
    for (const t of chartOf(DIAGRAM_MACHINES[1]).transitions) if (t.guard !== undefined) expect(text).toContain(`${t.event} [${t.guard}]`);
    expect(chartOf(DIAGRAM_MACHINES[1]).transitions.filter((t) => t.guard !== undefined).length).toBeGreaterThan(0);
    expect(text).toContain('end_ --> [*]');
    const dot = renderDiagrams(DIAGRAM_MACHINES, 'dot');
    expect(dot.match(/^digraph /gm)).toHaveLength(4);
    expect(dot).toMatch(/"walk" -> "end" \[label="COMMIT \[[^\]]+\] \/ answerEnodev"\]/);
  });

  test('a changed machine gives a different block', () => {
    const toy = createMachine({ id: 'toy', initial: 'a', states: { a: { on: { GO: 'b' } }, b: { type: 'final' } } });
    expect(mermaidOf(chartOf(toy))).toBe('stateDiagram-v2\n  direction LR\n  [*] --> a\n  a --> b: GO\n  b --> [*]');
    expect(diagramsBlock([toy])).not.toBe(diagramsBlock(DIAGRAM_MACHINES));
  });

  test('replaceDiagramsBlock replaces in place, or appends under ## Statecharts', () => {
    const block = diagramsBlock(DIAGRAM_MACHINES);
    const appended = replaceDiagramsBlock('# title\n', block);
    expect(appended).toBe(`# title\n\n## Statecharts\n\n${block}\n`);
    expect(replaceDiagramsBlock(appended.replace('stateDiagram-v2', 'stale'), block)).toBe(appended);
  });
});
