// @ts-check
/**
 * A StrykerJS reporter (stryker.config.mjs) that appends every mutant the conformance check did
 * not detect (Survived, NoCoverage) to reports/mutation/survivors.ndjson as soon as it is tested,
 * one JSON line `{ where, mutator, replacement, status }` with `where` = `file:line:column` as the
 * ledger bench/mutation-survivors.md names it. A run of an hour can then be looked at while it
 * runs; the JSON report at the end stays the source of the figures.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const LOG = 'reports/mutation/survivors.ndjson';
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

export class SurvivorLog {
  /** @param {string} log the file to write (Stryker passes nothing: reports/mutation/survivors.ndjson) */
  constructor(log = LOG) {
    this.log = log;
    mkdirSync(dirname(log), { recursive: true });
    writeFileSync(log, '');
  }

  /** @param {Readonly<import('@stryker-mutator/api/core').MutantResult>} result */
  onMutantTested(result) {
    if (!UNDETECTED.has(result.status)) return;
    const { line, column } = result.location.start;
    const where = `${relative(process.cwd(), result.fileName)}:${line}:${column}`;
    appendFileSync(this.log, `${JSON.stringify({ where, mutator: result.mutatorName, replacement: result.replacement ?? '', status: result.status })}\n`);
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'survivor-log', SurvivorLog)];
