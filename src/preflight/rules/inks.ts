// Press ink rules on vector colour: solid K-only black text, no tint under the minimum, one-ink hairlines.
// The same walker and thresholds as the print pass (src/print/inks.ts), so the rules check what it makes.
import { defaultInkRules, type InkRules } from '../../print/inks.ts';
import { asCmyk, paints, type Paint } from '../../print/paint.ts';
import { contentStreams, decodeStream, latin1 } from '../../print/streams.ts';
import { fail, pass, type Check, type PageValue, type RuleContext } from '../types.ts';

function* allPaints(ctx: RuleContext): Generator<Paint & { page: number }> {
  for (const cs of contentStreams(ctx.doc)) {
    for (const p of paints(latin1(decodeStream(cs.stream)))) yield { ...p, page: cs.page };
  }
}

const pct = (v: number): string => `${Math.round(v * 1000) / 10}%`;

function result(id: string, found: Array<{ page: number; what: string }>, okText: string): Check {
  if (!found.length) return pass(id, okText);
  const values: PageValue[] = [];
  for (const f of found)
    if (!values.some((v) => v.page === f.page && v.value === f.what))
      values.push({ page: f.page, value: f.what, ok: false });
  return fail(
    id,
    `${found.length}× ${values[0]?.value}${values.length > 1 ? ` (+${values.length - 1} more kinds)` : ''}`,
    values.slice(0, 12),
  );
}

/** Text that is meant to be black: neutral text must be K only and, from `solidTextK` up, solid. */
export function checkBlackText(ctx: RuleContext): Check {
  const r: InkRules = ctx.expect.inks ?? defaultInkRules;
  const found: Array<{ page: number; what: string }> = [];
  for (const p of allPaints(ctx)) {
    if (p.kind !== 'text') continue;
    const v = asCmyk(p.colour);
    if (!v) continue;
    const [c, m, y, k] = v;
    const lo = Math.min(c, m, y);
    const hi = Math.max(c, m, y);
    // A balanced CMY component is grey built from three inks: rich black, or black without any K.
    if (lo >= 0.2 && hi - lo <= 0.25)
      found.push({
        page: p.page,
        what: `${k > 0.05 ? 'rich' : 'CMY-only'} black text ${v.map(pct).join(' ')}`,
      });
    else if (hi === 0 && k >= r.solidTextK && k < 0.995)
      found.push({ page: p.page, what: `black text screened at ${pct(k)} K` });
  }
  return result('gwg.text.black', found, 'neutral text is solid K only');
}

export function checkMinTint(ctx: RuleContext): Check {
  const r = ctx.expect.inks ?? defaultInkRules;
  const found: Array<{ page: number; what: string }> = [];
  for (const p of allPaints(ctx)) {
    const v = asCmyk(p.colour);
    if (v?.some((x) => x > 0.0005 && x < r.minInk - 0.0005))
      found.push({ page: p.page, what: `tint ${v.map(pct).join(' ')} under ${pct(r.minInk)}` });
  }
  return result('gwg.ink.min-tint', found, `every ink 0 or ≥ ${pct(r.minInk)}`);
}

export function checkHairlines(ctx: RuleContext): Check {
  const r = ctx.expect.inks ?? defaultInkRules;
  const found: Array<{ page: number; what: string }> = [];
  for (const p of allPaints(ctx)) {
    if (p.kind === 'text' || p.thicknessPt > r.hairlinePt) continue;
    const v = asCmyk(p.colour);
    if (v && v.filter((x) => x > 0.0005).length > 1)
      found.push({
        page: p.page,
        what: `${p.thicknessPt.toFixed(2)} pt ${p.kind} in ${v.filter((x) => x > 0.0005).length} inks`,
      });
  }
  return result('gwg.line.single-ink', found, `lines up to ${r.hairlinePt} pt in one ink`);
}
