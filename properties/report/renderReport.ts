/**
 * The counterexample report: one self-contained HTML file (inline CSS and script, no external
 * URL) for a replayed trace (SPEC §8). At the top, the verdict, the failing step (line and
 * command) and the broken rule or difference; below, a timeline with a lane per actor (the CPU
 * of each mm, each op, each device) holding each step's command and result, and for the
 * selected step its observation (SPEC §7) with the changes from the previous step highlighted.
 * In the spirit of Porcupine's history pictures: a failure comes with a picture of the history.
 */
import { initialObservation, sameObservation, type Observation } from '../../spec/index.js';
import { describeFailure, formatCommand, isCommandLine, type ReplayFail, type ReplayOutcome, type ReplayRecord, type Trace } from '../trace/index.js';
import { REPORT_CSS, REPORT_JS } from './assets.js';
import { callText, esc, resultText } from './html.js';
import { actorOf, lanesOf, type Lane } from './lanes.js';
import { observationView, type OtherSide } from './observationView.js';

/** What the report shows: the trace, its replay (with `record: true`) and where it came from. */
export interface ReportInput {
  readonly trace: Trace;
  /** The replay outcome; its `records` give each step's result and observation. */
  readonly outcome: ReplayOutcome;
  /** The worlds replayed, e.g. `['model', 'impl']`. */
  readonly worlds: readonly string[];
  /** Where the trace came from: a file name, or `run --seed 42`. */
  readonly source?: string;
  /** How to replay it, e.g. `hmm-check replay cex.ndjson`. */
  readonly replayCommand?: string;
  /**
   * Every world's observation after the last replayed line (`worlds` order). The panel of that
   * step shows the first world's, and the others' rows where they differ from it.
   */
  readonly finalObservations?: readonly Observation[];
}

/** The broken rule, or the kind of difference, in a few words. */
export function failureHeadline(fail: ReplayFail): string {
  const r = fail.reason;
  switch (r.kind) {
    case 'rule': return `rule ${r.rule} broken on ${r.world}`;
    case 'expect': return `unexpected result on ${r.world}: ${resultText(r.actual)}, expected ${resultText(r.expected)}`;
    case 'result-mismatch': return 'the worlds gave different results';
    case 'observation-mismatch': return `observations differ (${r.worlds[0]} vs ${r.worlds[1]})`;
    case 'exception': return `${r.world} threw`;
  }
}

function header(input: ReportInput): string {
  const { outcome } = input;
  const source = input.source === undefined ? '' : `<p>trace: <code>${esc(input.source)}</code> replayed on ${esc(input.worlds.join(' and '))}</p>`;
  const replay = input.replayCommand === undefined ? '' : `<p>replay: <code>${esc(input.replayCommand)}</code></p>`;
  if (outcome.verdict === 'pass') {
    return `<header id="summary" class="pass"><h1>PASS: ${outcome.steps} commands, every expect and rule held</h1>${source}${replay}</header>`;
  }
  const note = outcome.note === undefined ? '' : `<p>note before it: <em>${esc(outcome.note)}</em></p>`;
  return [
    `<header id="summary" class="fail"><h1 id="broken-rule">FAIL: ${esc(failureHeadline(outcome))}</h1>`,
    `<p id="failing-step">failing step: <a href="#step-line-${outcome.line}">line ${outcome.line}</a> (command ${outcome.steps}): <code>${esc(formatCommand(outcome.command))}</code></p>`,
    `<pre id="failure-detail">${esc(describeFailure(outcome.reason, 'all').join('\n'))}</pre>`,
    note, source, replay, '</header>',
  ].join('\n');
}

interface Row {
  readonly record: ReplayRecord;
  readonly index: number;
  readonly expect?: string;
}

function stepRow(row: Row, lanes: readonly Lane[], fail: ReplayFail | undefined, changes: number): string {
  const { record, index } = row;
  const actor = actorOf(record.command);
  const created = 'op' in record.result ? `op:${record.result.op}` : undefined;
  const failing = fail !== undefined && fail.line === record.line;
  const resultCls = 'err' in record.result ? 'res err' : 'res';
  const expected = failing && fail.reason.kind === 'expect' && row.expect !== undefined ? ` <span class="expected">expected ${esc(row.expect)}</span>` : '';
  const cells = lanes.map((lane) => {
    if (lane.key === actor) {
      return `<td class="cell" title="${esc(formatCommand(record.command))}">${esc(callText(record.command))} <span class="${resultCls}">→ ${esc(resultText(record.result))}</span>${expected}</td>`;
    }
    if (lane.key === created) return '<td class="cell created">created</td>';
    return '<td></td>';
  });
  const cls = failing ? 'step failing' : 'step';
  return `<tr class="${cls}" id="step-line-${record.line}" data-step="${index}" data-line="${record.line}" data-changes="${changes}" tabindex="0"><td class="line">${record.line}</td>${cells.join('')}</tr>`;
}

/** The second world's final observation, when it differs from the first's: shown beside it at the last step. */
function otherSide(input: ReportInput): OtherSide | undefined {
  const [first, second] = input.finalObservations ?? [];
  const name = input.worlds[1];
  if (first === undefined || second === undefined || name === undefined) return undefined;
  return sameObservation(first, second) ? undefined : { name, observation: second };
}

function laneClass(lane: Lane): string {
  return `lane-${lane.key.split(':')[0]}`;
}

function laneKeys(records: readonly ReplayRecord[]): string[] {
  const keys = records.map((r) => actorOf(r.command));
  for (const r of records) if ('op' in r.result) keys.push(`op:${r.result.op}`);
  return keys;
}

/** Renders the whole report as one HTML document. */
export function renderReport(input: ReportInput): string {
  const records = input.outcome.records ?? [];
  const observations = records.map((r) => r.observation);
  const lanes = lanesOf(laneKeys(records), observations);
  const fail = input.outcome.verdict === 'fail' ? input.outcome : undefined;
  const byLine = new Map(records.map((r, i) => [r.line, i]));
  const selected = records.length - 1;
  const other = otherSide(input);
  const views = records.map((r, i) => {
    const before = i === 0 ? initialObservation(input.trace.config.devices) : (records[i - 1]!.observation as Observation);
    return observationView(r.observation, before, i === selected ? other : undefined);
  });
  const body: string[] = [];
  for (const line of input.trace.lines) {
    if (!isCommandLine(line)) {
      body.push(`<tr class="note"><td class="line">${line.line}</td><td colspan="${lanes.length}">${esc(line.note)}</td></tr>`);
      continue;
    }
    const index = byLine.get(line.line);
    if (index === undefined) break;
    const expect = line.expect === undefined ? undefined : resultText(line.expect);
    body.push(stepRow({ record: records[index]!, index, ...(expect === undefined ? {} : { expect }) }, lanes, fail, views[index]!.changes));
  }
  const notRun = input.trace.lines.filter(isCommandLine).length - records.length;
  const heads = lanes.map((l) => `<th class="${laneClass(l)}">${esc(l.title)}</th>`).join('');
  const sidesOf = (i: number): string => (i === selected && other !== undefined ? ` data-sides="${esc(`: ${input.worlds[0]}, and ${other.name} where it differs`)}"` : '');
  const obs = views.map((v, i) => `<pre class="obs" data-step="${i}"${sidesOf(i)}${i === selected ? '' : ' hidden'}>${v.html}</pre>`).join('\n');
  const lastLine = records[selected]?.line ?? 0;
  const n = views[selected]?.changes ?? 0;
  const sides = other === undefined ? '' : `: ${input.worlds[0]}, and ${other.name} where it differs`;
  const obsTitle = `Observation after line ${lastLine}${sides} (${n} change${n === 1 ? '' : 's'} from the previous step)`;
  return [
    '<!doctype html>', '<html lang="en"><head><meta charset="utf-8">',
    `<title>hmm-check report: ${esc(input.source ?? 'trace')}</title>`, `<style>${REPORT_CSS}</style></head><body>`,
    header(input),
    '<main><section id="timeline"><table><thead><tr><th>line</th>' + heads + '</tr></thead><tbody>',
    ...body,
    '</tbody></table>',
    notRun > 0 ? `<p>${notRun} later command(s) not replayed: the replay stops at the first failing line.</p>` : '',
    '</section>',
    `<section id="observation"><h2 id="obs-title">${esc(obsTitle)}</h2>`,
    '<p class="legend"><span class="obs-legend add">+ new</span><span class="obs-legend chg">~ changed</span><span class="obs-legend del">- gone</span> (against the previous step)</p>',
    obs, '</section></main>', `<script>${REPORT_JS}</script>`, '</body></html>', '',
  ].join('\n');
}
