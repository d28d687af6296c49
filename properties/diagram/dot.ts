/**
 * Graphviz DOT text for a chart (SPEC §5): a point for the initial pseudo-state, a double
 * circle for final states, one edge per transition labelled `EVENT [guard] / actions`.
 */
import { transitionLabel, type Chart } from './chart.js';

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The DOT source of one chart: `digraph <id> { ... }`. */
export function dotOf(chart: Chart): string {
  const lines = [`digraph ${quote(chart.id)} {`, '  rankdir=LR;', '  node [shape=box, style=rounded];', '  "[*]" [shape=point];'];
  for (const s of chart.states) if (s.final) lines.push(`  ${quote(s.key)} [shape=doublecircle];`);
  lines.push(`  "[*]" -> ${quote(chart.initial)};`);
  for (const t of chart.transitions) lines.push(`  ${quote(t.source)} -> ${quote(t.target)} [label=${quote(transitionLabel(t))}];`);
  lines.push('}');
  return lines.join('\n');
}
