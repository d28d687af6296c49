/** The mutant kill matrix: hunting each mutant of impl/mutants with and without the model. */
export { EXPLORER_LIMITS, explorerMinimal, type ExplorerMinimal } from './explorerMinimal.js';
export { formatMatrix, matrixJson } from './formatMatrix.js';
export { hunt, killerOf, systemFor, type HuntMode, type HuntOutcome, type HuntSettings } from './killMutant.js';
export { huntSettings, killMatrix, mutantRow, RULE_IDS, type KillMatrix, type MatrixOptions, type MutantRow } from './matrix.js';
export { FirstFailure, mutantProperty, type DrainableSystem, type MutantPropertySettings } from './mutantProperty.js';
export { RulesAlone, RulesFailure } from './rulesAlone.js';
export { KILL_MATRIX_FILE, formatKillMatrixFile, killMatrixFile, parseKillMatrixFile, type KillMatrixFile, type MatrixFileRow } from './matrixFile.js';
