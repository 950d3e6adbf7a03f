// Verification of a composed grid in Chromium: the composer's estimates choose what is measured, the
// measurement chooses what is printed. A hand-written grid is never second-guessed.
import type { GridBy } from '../render/compose.ts';

interface Laid {
  pages: Array<{ gridBy?: GridBy }>;
}

/** The first alternative that measures without overset, else the one with the least; the log says which. */
export async function verifyComposed<E extends Laid>(
  e: E,
  alternative: (rank: number) => Promise<E>,
  oversetMm: (e: E) => Promise<number>,
  log: (line: string) => void,
): Promise<E> {
  const by = e.pages[0]?.gridBy;
  if (!by || by.by !== 'composer') return e;
  let best = { e, mm: Infinity, rank: 1 };
  for (let rank = 1; rank <= by.of; rank++) {
    const candidate = rank === 1 ? e : await alternative(rank);
    const mm = await oversetMm(candidate);
    log(`composer: alternative ${rank} measures ${mm.toFixed(1)} mm overset before fitting`);
    if (mm < best.mm) best = { e: candidate, mm, rank };
    if (mm <= 1) break;
  }
  if (best.rank !== 1) log(`composer: alternative ${best.rank} kept (the best measured)`);
  return best.e;
}
