// What the composer places: each module's needs and weight, and the reading orders it may try.
import type { Module } from '../render/compose.ts';
import type { ComposeConfig } from './schema.ts';
import { needOf, type Metrics, type ModuleNeed } from './needs.ts';

type Offered = Map<string, Omit<Module, 'span' | 'rows'>>;
const PT = 25.4 / 72;

export function moduleNeeds(offered: Offered, config: ComposeConfig, m: Metrics): ModuleNeed[] {
  const out: ModuleNeed[] = [];
  for (const mod of offered.values()) {
    const front = mod.article.front;
    const byline = front.byline || front.credits.length ? 2 * m.lineMm + 2 : 0;
    if (mod.kind === 'head') {
      out.push(needOf('head', 'head', '', '', front.title.length, 0, 1));
    } else if (mod.kind === 'section' && mod.section) {
      const s = mod.section;
      const last = mod.article.sections.at(-1) === s;
      out.push(needOf(s.key, 'section', s.html, s.graphicsHtml, s.title.length, last ? byline : 0, 1));
    } else {
      const html = mod.article.sections.map((s) => s.html).join('');
      const sub = front.subtitle ? 11 * PT * 1.3 + 3 : 0;
      out.push(needOf(mod.key, 'article', html, '', front.title.length, sub + byline, 1));
    }
  }
  return withWeights(out, offered, config);
}

/** edition.yaml compose.modules.<key>.weight, else front matter `weight:`; without any, the first section
 *  of the main article leads with weight 2. */
function withWeights(needs: ModuleNeed[], offered: Offered, config: ComposeConfig): ModuleNeed[] {
  let given = false;
  const weighted = needs.map((n) => {
    const mod = offered.get(n.key)!;
    const fm = mod.article.front.weight;
    const byFront =
      typeof fm === 'number' ? fm : fm ? (fm[mod.section?.number ?? ''] ?? fm[n.key]) : undefined;
    const w = config.modules[n.key]?.weight ?? byFront;
    if (w !== undefined && n.kind !== 'head') given = true;
    return { ...n, weight: w ?? 1 };
  });
  if (!given) {
    const first = sortedSections(weighted, offered)[0];
    if (first) first.weight = 2;
  }
  return weighted;
}

/** Sections of the main article in number order (stable for equal numbers). */
function sortedSections(needs: ModuleNeed[], offered: Offered): ModuleNeed[] {
  const main = offered.get('head')?.article;
  return needs
    .filter((n) => n.kind === 'section' && offered.get(n.key)!.article === main)
    .map((n, i) => ({ n, i, num: Number(offered.get(n.key)!.section!.number || 0) }))
    .sort((a, b) => a.num - b.num || a.i - b.i)
    .map((x) => x.n);
}

/** Reading orders to try: sections in number order (of every article, main first); a commentary side
 *  article before them, other side articles after — and each side article also at the other end. */
export function readingOrder(body: ModuleNeed[], offered: Offered): ModuleNeed[][] {
  const main = offered.get('head')?.article;
  const sections = sortedSections(body, offered);
  const otherSections = body.filter((n) => n.kind === 'section' && offered.get(n.key)!.article !== main);
  const sides = body.filter((n) => n.kind === 'article');
  const first = sides.filter((n) => offered.get(n.key)!.article.front.role === 'commentary');
  const last = sides.filter((n) => !first.includes(n));
  const orders = [[...first, ...sections, ...otherSections, ...last]];
  if (sides.length && sides.length <= 3) orders.push([...last, ...sections, ...otherSections, ...first]);
  return orders;
}

/** The head row: kicker, headline lines at 44 pt, subtitle, continued-from line (styles/base.css). */
export function headMm(head: Omit<Module, 'span' | 'rows'>, m: Metrics, cols: number): number {
  const f = head.article.front;
  const width = cols * m.colMm + (cols - 1) * m.gutterMm;
  const perLine = Math.floor(width / (44 * PT * 1.04));
  const lines = Math.ceil(f.title.length / Math.max(1, perLine));
  return (
    (f.kicker ? 16 * PT * 1.3 + 2 : 0) +
    lines * 44 * PT * 1.15 +
    (f.subtitle ? 18 * PT * 1.3 + 3 : 0) +
    (f.continuedFrom ? 9 * PT * 1.3 + 2 : 0)
  );
}
