/** docs/semantics.md's generated parts, from the code (`hmm-check docs`). */
export { BLOCKS, generateDocs, renderBlock, staleBlocks } from './generate.js';
export { gatherFacts, REACH_TESTS, type DocFacts, type RuleDoc } from './facts.js';
export { blockContent, blockNames, markers, replaceBlock } from './markers.js';
export { DocsError, definitions, lineOf, type SourcePlace } from './sourceIndex.js';
export { linkTo } from './links.js';
export { RULES_APART, type RuleApart } from './rulesApart.js';
export { commandGroups, fieldsOf } from './commandBlocks.js';
