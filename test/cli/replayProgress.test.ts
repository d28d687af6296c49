/**
 * Progress of `hmm-check replay` (properties/cli/replayProgress.ts): nothing for a replay under a
 * second; then plain lines at most once a second, or one `\r`-updated line on a terminal
 * (at most four times a second) that `done()` ends. The clock is injected.
 */
import { describe, expect, it } from 'vitest';
import { ReplayProgress } from '../../properties/cli/replayProgress.js';

function sink(isTTY: boolean): { now: number; out: string[]; progress: ReplayProgress } {
  const state = { now: 0, out: [] as string[], progress: undefined as unknown as ReplayProgress };
  state.progress = new ReplayProgress({ isTTY, write: (t) => void state.out.push(t), now: () => state.now });
  return state;
}

/** Ticks lines `from`..`to` at time `ms` (the meter looks at the clock every 256 ticks). */
function tick(s: ReturnType<typeof sink>, ms: number, from: number, to: number, of?: number): void {
  s.now = ms;
  for (let line = from; line <= to; line++) s.progress.tick(line, of);
}

describe('replay progress', () => {
  it('says nothing in the first second', () => {
    const s = sink(false);
    tick(s, 999, 1, 10_000, 20_000);
    expect(s.out).toEqual([]);
  });

  it('off a terminal: a plain line at most once a second, with the share done once the line count is known', () => {
    const s = sink(false);
    tick(s, 1000, 1, 512, 1024);
    tick(s, 1500, 513, 768, 1024);
    tick(s, 2000, 769, 1024);
    expect(s.out).toEqual(['replay: line 256 of 1024 (25%), 256 lines/s, 1.0 s\n', 'replay: reading line 1024, 512 lines/s, 2.0 s\n']);
    s.progress.done();
    expect(s.out).toHaveLength(2);
  });

  it('on a terminal: one line rewritten in place, ended by done()', () => {
    const s = sink(true);
    tick(s, 1000, 1, 256, 512);
    tick(s, 1250, 257, 512, 512);
    s.progress.done();
    expect(s.out).toEqual([
      '\rreplay: line 256 of 512 (50%), 256 lines/s, 1.0 s\x1b[K',
      '\rreplay: line 512 of 512 (100%), 410 lines/s, 1.3 s\x1b[K',
      '\n',
    ]);
  });
});
