/**
 * The repository documents itself: no link in the README or docs/ (or any Markdown file of the
 * repository) points outside the repository.
 * A relative link must resolve, inside the repository, to a file or folder a clone has (tracked,
 * or new and not ignored: dist/ and coverage/ do not count); an anchor must exist (a heading of
 * a Markdown target, GitHub's `#L<n>` line of a source file); absolute http(s) links are refused,
 * since the allow-list is empty (the README's CI example quotes `actions/checkout@v4` in a code
 * block, which is not a link). And `npm pack` ships the documents.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../properties/cli/scenarios.js';
import { headingAnchors, headingSlug, markdownLinks } from './markdownLinks.js';

const ROOT = packageRoot();

/** Absolute links the documents may carry: none. A link to the world would break offline and in a package. */
const ALLOWED_URLS: readonly string[] = [];

/** The documents checked: the README, every Markdown file under docs/, and every other Markdown file a clone has. */
function documents(): string[] {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
  const others = [...(cloneFiles() ?? [])].filter((f) => f.endsWith('.md')).sort();
  return [...new Set(['README.md', ...docs, ...others])];
}

/** Files a clone of the repository has: tracked or untracked but not ignored (all files when there is no git). */
function cloneFiles(): Set<string> | undefined {
  try {
    const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return new Set(out.split('\n').filter((l) => l !== ''));
  } catch {
    return undefined;
  }
}

/** What is wrong with `target`, linked from `doc`; undefined when it is a good link. */
function linkProblem(doc: string, target: string, files: Set<string> | undefined): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return ALLOWED_URLS.includes(target) ? undefined : 'points outside the repository';
  if (target.startsWith('/')) return 'absolute path';
  const [path, anchor] = target.split('#', 2) as [string, string | undefined];
  const file = path === '' ? doc : relative(ROOT, resolve(ROOT, dirname(doc), decodeURI(path))).split(sep).join('/');
  if (file.startsWith('..') || resolve(ROOT, file) === resolve(ROOT, '..')) return 'points outside the repository';
  const abs = join(ROOT, file);
  if (!existsSync(abs)) return `no such file ${file}`;
  const isDir = statSync(abs).isDirectory();
  if (files !== undefined && !(isDir ? [...files].some((f) => f.startsWith(`${file.replace(/\/$/, '')}/`)) : files.has(file))) return `${file} is not in a clone (ignored or untracked)`;
  if (anchor === undefined) return undefined;
  if (isDir) return `anchor on a folder ${file}`;
  const text = readFileSync(abs, 'utf8');
  if (file.endsWith('.md')) return headingAnchors(text).has(anchor) ? undefined : `no heading #${anchor} in ${file}`;
  const line = /^L(\d+)(?:-L(\d+))?$/.exec(anchor);
  if (line === null) return `cannot check anchor #${anchor} in ${file}`;
  const lines = text.split('\n').length;
  return Number(line[2] ?? line[1]) <= lines && Number(line[1]) >= 1 ? undefined : `${file} has no line ${anchor}`;
}

describe('links of the README and docs/', () => {
  test('every link resolves inside the repository', () => {
    const files = cloneFiles();
    const problems: string[] = [];
    let count = 0;
    for (const doc of documents()) {
      for (const { line, target } of markdownLinks(readFileSync(join(ROOT, doc), 'utf8'))) {
        count++;
        const problem = linkProblem(doc, target, files);
        if (problem !== undefined) problems.push(`${doc}:${line}: ${target}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(count, 'links found').toBeGreaterThan(100);
    expect(documents()).toContain('docs/semantics.md');
  });

  test('the README sends its reader to docs/semantics.md', () => {
    const links = markdownLinks(readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) => l.target);
    expect(links).toContain('docs/semantics.md');
  });

  test('the checker of links catches what it must', () => {
    const files = new Set(['README.md', 'docs/semantics.md', 'spec/INTERPRETATION.md', 'model/world/fault.ts']);
    const md = [
      '[a](../shared/SPEC.md) [b](https://example.org/x) <http://x.y> see https://z.w/q',
      '[c](docs/nope.md) [d](spec/INTERPRETATION.md#no-such) [e](model/world/fault.ts#L99999) [f](dist/index.js)',
      '[ok](spec/INTERPRETATION.md#identities) [ok2](model/world/fault.ts#L3) `[code](../x)`',
      '```', '[fenced](../y)', '```',
    ].join('\n');
    const problems = markdownLinks(md).map((l) => [l.target, linkProblem('README.md', l.target, files)]);
    expect(problems).toEqual([
      ['../shared/SPEC.md', 'points outside the repository'], ['https://example.org/x', 'points outside the repository'],
      ['http://x.y', 'points outside the repository'], ['https://z.w/q', 'points outside the repository'],
      ['docs/nope.md', 'no such file docs/nope.md'], ['spec/INTERPRETATION.md#no-such', 'no heading #no-such in spec/INTERPRETATION.md'],
      ['model/world/fault.ts#L99999', 'model/world/fault.ts has no line L99999'], ['dist/index.js', expect.stringMatching(/no such file|not in a clone/)],
      ['spec/INTERPRETATION.md#identities', undefined], ['model/world/fault.ts#L3', undefined],
    ]);
    expect(headingSlug('Checks (SPEC §3, order of checks)')).toBe('checks-spec-3-order-of-checks');
    expect(headingSlug('`hmm-check run --json`')).toBe('hmm-check-run---json');
  });

  test('npm pack ships the README, docs/ and what they are read with', () => {
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const packed = new Set((JSON.parse(out) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path));
    // What a user of the package reads: the README, docs/ and the interpretation notes they cite
    // (other Markdown files, such as c/README.md or test fixtures' notes, belong to the clone).
    const shipped = ['README.md', ...documents().filter((d) => d.startsWith('docs/')), 'spec/INTERPRETATION.md'];
    for (const file of shipped) expect(packed, file).toContain(file);
  }, 60_000);
});
