/**
 * The report's inline CSS and script (no external URL: the file is viewed offline). The script
 * only switches which precomputed observation is shown when a timeline row is clicked or
 * focused and Enter/arrow keys are pressed; without it, the failing step's observation shows.
 */

/** Inline stylesheet. */
export const REPORT_CSS = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1b1f24; background: #f6f8fa; }
header { padding: 12px 20px; border-bottom: 3px solid #2da44e; background: #fff; }
header.fail { border-color: #cf222e; }
header h1 { margin: 0 0 6px; font-size: 20px; }
header.fail h1 { color: #cf222e; }
header.pass h1 { color: #1a7f37; }
header p { margin: 3px 0; }
header pre { margin: 6px 0; padding: 6px 8px; background: #fff8f8; border-left: 3px solid #cf222e; white-space: pre-wrap; }
code, pre, td.cell, .obs { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
main { display: flex; gap: 16px; padding: 12px 20px; align-items: flex-start; }
#timeline { flex: 1 1 auto; min-width: 0; overflow-x: auto; }
#observation { flex: 0 0 34%; position: sticky; top: 8px; background: #fff; border: 1px solid #d0d7de; padding: 8px 12px; max-height: 92vh; overflow: auto; }
#observation h2 { font-size: 15px; margin: 0 0 6px; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #d0d7de; padding: 3px 6px; vertical-align: top; text-align: left; }
th { background: #eaeef2; position: sticky; top: 0; white-space: nowrap; }
th.lane-cpu { background: #ddf4ff; } th.lane-op { background: #fff8c5; } th.lane-dev { background: #dafbe1; }
tr.step { cursor: pointer; }
tr.step:hover td { background: #f3f4f6; }
tr.step.selected td { background: #ddf4ff; }
tr.step.failing td { background: #ffebe9; }
tr.step.failing.selected td { background: #ffcecb; }
tr.note td { color: #57606a; font-style: italic; background: #fbfbfc; white-space: normal; }
td.line { color: #57606a; text-align: right; }
td.cell { white-space: normal; min-width: 10em; max-width: 22em; }
td.cell .res { display: block; }
td.created { color: #8c959f; font-style: italic; }
.res { color: #0969da; } .res.err { color: #9a6700; } .expected { color: #cf222e; font-weight: bold; }
.obs { margin: 0; }
.obs span { display: block; white-space: pre; }
.obs i { display: inline-block; width: 1.2em; font-style: normal; color: #8c959f; }
.obs .add { background: #dafbe1; } .obs .chg { background: #fff8c5; font-weight: bold; }
.obs .del { background: #ffebe9; text-decoration: line-through; color: #82071e; }
.obs .other { background: #fbefff; color: #6639ba; font-weight: bold; }
.legend span { padding: 0 4px; margin-right: 6px; }
`;

/** Inline script: select a timeline row, show its observation. */
export const REPORT_JS = `
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.step'));
  var title = document.getElementById('obs-title');
  function changes(n) { return n + (n === '1' ? ' change' : ' changes'); }
  function select(row) {
    rows.forEach(function (r) { r.classList.toggle('selected', r === row); });
    var step = row.getAttribute('data-step');
    var sides = '';
    document.querySelectorAll('.obs').forEach(function (o) {
      o.hidden = o.getAttribute('data-step') !== step;
      if (!o.hidden) sides = o.getAttribute('data-sides') || '';
    });
    title.textContent = 'Observation after line ' + row.getAttribute('data-line') + sides + ' (' + changes(row.getAttribute('data-changes')) + ' from the previous step)';
  }
  rows.forEach(function (row, i) {
    row.addEventListener('click', function () { select(row); });
    row.addEventListener('keydown', function (e) {
      var next = e.key === 'ArrowDown' ? rows[i + 1] : e.key === 'ArrowUp' ? rows[i - 1] : e.key === 'Enter' ? row : undefined;
      if (next) { e.preventDefault(); select(next); next.focus(); }
    });
  });
})();
`;
