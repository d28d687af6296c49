/** Statechart diagrams generated from the XState definitions (SPEC §5): Mermaid and DOT. */
export { chartOf, transitionLabel, type Chart, type ChartTransition } from './chart.js';
export { guardName } from './guardName.js';
export { mermaidOf } from './mermaid.js';
export { dotOf } from './dot.js';
export {
  BLOCK_BEGIN, BLOCK_END, DIAGRAM_FORMATS, diagramsBlock, findDiagramsBlock, renderDiagrams, replaceDiagramsBlock, type DiagramFormat,
} from './diagrams.js';
