// The editions are the seeds: every line of a seed appears in the rendered edition, and every rendered
// paragraph appears in its seed — with figures printed from the figures file, not typed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEdition } from '../../../src/check.ts';

const SEEDS = 'test/fixtures/seeds';
const cases = [
  { edition: 'content/taiyuan-five-years', seed: `${SEEDS}/000_bc37e5b25333914f.txt` },
  { edition: 'content/taiyuan-work-report', seed: `${SEEDS}/001_cc40442b59a33f18.txt` },
];

/** Whitespace goes: the seeds are PDF extractions with stray spaces and broken lines. */
const squash = (s: string) => s.replace(/\s+/g, '');
const text = (html: string) =>
  html
    .replace(/<figure[\s\S]*?<\/figure>/g, '') // infographic blocks add graphics, not prose
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe.each(cases)('$edition', ({ edition, seed }) => {
  it('renders every line of its seed, and nothing that is not in it', async () => {
    const seedText = readFileSync(seed, 'utf8');
    const { articles } = await checkEdition(edition);
    const paragraphs = articles.flatMap((a) => [
      a.front.title,
      ...(a.front.subtitle ? [`——${a.front.subtitle}`] : []),
      ...(a.front.continuedFrom ? [`(上接${a.front.continuedFrom}版)`] : []),
      ...(a.front.byline ? [a.front.byline] : []),
      ...a.front.credits,
      ...a.sections.flatMap((s) => [
        ...(s.number ? [`${s.number}${s.title}`] : []),
        ...[...s.html.matchAll(/<(p|h3)>([\s\S]*?)<\/\1>/g)].map((m) => text(m[2]!)),
      ]),
    ]);
    const rendered = squash(paragraphs.join(''));
    const seedLines = seedText
      .split('\n')
      .map((l) => squash(l.replace(/^#+\s*/, '')))
      .filter(Boolean);
    for (const line of seedLines) expect(rendered, `seed line missing: ${line}`).toContain(line);
    const whole = squash(seedText.replace(/^#+\s*/gm, ''));
    for (const p of paragraphs) expect(whole, `not in the seed: ${p}`).toContain(squash(p));
  });
});
