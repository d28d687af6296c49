/** Relative links from the document to the sources (GitHub's `#L<line>` anchors). */
import { posix } from 'node:path';
import type { SourcePlace } from './sourceIndex.js';

/** The link from document `doc` to `file` (both relative to the package root), at `line` if given. */
export function linkTo(doc: string, file: string, line?: number): string {
  const rel = posix.relative(posix.dirname(doc), file);
  return line === undefined ? rel : `${rel}#L${line}`;
}

/**
 * The link from document `doc` to the file that holds a definition (a command, a rule, a mutant):
 * the file, not the line, so editing a definition does not make the document stale.
 */
export function linkToFile(doc: string, place: SourcePlace): string {
  return linkTo(doc, place.file);
}

/** The link from document `doc` to a line of the sources (a test that reaches an error code). */
export function linkToPlace(doc: string, place: SourcePlace): string {
  return linkTo(doc, place.file, place.line);
}
