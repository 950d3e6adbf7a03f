// The smallest box each infographic block of a graphics band can be drawn in, read from its rendered HTML.
// The sizes come from the block styles (styles/blocks/*.css): type sizes, max-widths, SVG aspect ratios.

export interface BlockSize {
  name: string;
  /** Narrowest width the block reads at, in mm (below it labels break and numbers collide). */
  minWidthMm: number;
  /** Height at that width, in mm, margins included. */
  heightMm: number;
  /** A photo spans a set number of newspaper columns (`cols=`); the band keeps that width for it. */
  cols?: number;
  /** width:height of a photo, so its height follows its placed width. */
  ratio?: number;
}

// .blk margin 1mm top + 4mm bottom; a figcaption or label line under most blocks.
const MARGIN = 5;

/** Fixed sizes per block; stats, progress and bars grow with their items. */
function sizeOf(name: string, cls: string, items: number): Omit<BlockSize, 'name'> {
  const cols = Number(/cols-(\d)/.exec(cls)?.[1] ?? 2);
  switch (name) {
    case 'callout': {
      // .callout-num 22/30/42 pt over an 8.5 pt caption of up to two lines.
      const num = cls.includes('size-xl') ? 42 : cls.includes('size-m') ? 22 : 30;
      return { minWidthMm: num >= 42 ? 48 : 38, heightMm: num * 0.3528 + 10 + MARGIN };
    }
    case 'stats': {
      // One cell ≥ 24 mm wide: number (up to 30 pt), unit and a two-line 9 pt label.
      const rows = Math.ceil(Math.max(1, items) / cols);
      return { minWidthMm: cols * 24, heightMm: rows * 17 + MARGIN };
    }
    case 'progress':
      return { minWidthMm: 40, heightMm: Math.max(1, items) * 12 + MARGIN };
    case 'compare':
      return { minWidthMm: 50, heightMm: 38 + MARGIN };
    case 'donut':
      return { minWidthMm: 42, heightMm: 48 + MARGIN };
    case 'badge':
      return cls.includes('shape-ribbon')
        ? { minWidthMm: 50, heightMm: 26 + MARGIN }
        : { minWidthMm: 30, heightMm: 38 + MARGIN };
    case 'bars':
      return { minWidthMm: 50, heightMm: 10 + Math.max(1, items) * 9 + MARGIN };
    case 'pictogram':
      return { minWidthMm: 45, heightMm: 40 + MARGIN };
    case 'timeline':
      return { minWidthMm: 60, heightMm: 40 + MARGIN };
    default:
      return { minWidthMm: 40, heightMm: 30 + MARGIN };
  }
}

const FIGURE = /<figure class="blk blk-([a-z]+)([^"]*)"[^>]*>([\s\S]*?)<\/figure>/g;

/** The blocks of a section's graphics band, in order. */
export function bandBlocks(graphicsHtml: string): BlockSize[] {
  return [...graphicsHtml.matchAll(FIGURE)].map((m) => {
    const [, name = '', cls = '', inner = ''] = m;
    if (name === 'photo') return photoSize(m[0], inner);
    const items = countItems(name, inner);
    return { name, ...sizeOf(name, cls, items) };
  });
}

function countItems(name: string, inner: string): number {
  const marker = { stats: 'class="stat"', progress: 'progress-item', bars: 'bar-rect' }[name];
  return marker ? inner.split(marker).length - 1 : 1;
}

function photoSize(outer: string, inner: string): BlockSize {
  const cols = Number(/data-cols="(\d+)"/.exec(outer)?.[1] ?? 2);
  const w = Number(/width="(\d+)"/.exec(inner)?.[1] ?? 0);
  const h = Number(/height="(\d+)"/.exec(inner)?.[1] ?? 0);
  const ratio = w > 0 && h > 0 ? w / h : 1.5;
  return { name: 'photo', minWidthMm: 0, heightMm: 8 + MARGIN, cols, ratio };
}
