/** Relative links from the document to the sources (GitHub's `#L<line>` anchors). */
import { posix } from 'node:path';
import type { SourcePlace } from './sourceIndex.js';

/** The link from document `doc` to `file` (both relative to the package root), at `line` if given. */
export function linkTo(doc: string, file: string, line?: number): string {
  const rel = posix.relative(posix.dirname(doc), file);
  return line === undefined ? rel : `${rel}#L${line}`;
}

/** The link from document `doc` to a place in the sources. */
export function linkToPlace(doc: string, place: SourcePlace): string {
  return linkTo(doc, place.file, place.line);
}
