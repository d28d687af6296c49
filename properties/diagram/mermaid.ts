/**
 * Mermaid `stateDiagram-v2` text for a chart (SPEC §5), as the README shows it. States whose
 * names are Mermaid keywords (`end`, ...) get an alias so the diagram parses; every label is
 * plain text (`EVENT [guard] / actions`).
 */
import { transitionLabel, type Chart } from './chart.js';

const RESERVED = new Set(['end', 'state', 'note', 'direction', 'class', 'classDef', 'click', 'style', 'default']);

function idOf(key: string): string {
  return RESERVED.has(key) ? `${key}_` : key;
}

/** The Mermaid source of one chart, without a code fence. */
export function mermaidOf(chart: Chart): string {
  const lines = ['stateDiagram-v2', '  direction LR'];
  for (const s of chart.states) if (idOf(s.key) !== s.key) lines.push(`  state "${s.key}" as ${idOf(s.key)}`);
  lines.push(`  [*] --> ${idOf(chart.initial)}`);
  for (const t of chart.transitions) lines.push(`  ${idOf(t.source)} --> ${idOf(t.target)}: ${transitionLabel(t)}`);
  for (const s of chart.states) if (s.final) lines.push(`  ${idOf(s.key)} --> [*]`);
  return lines.join('\n');
}
