// The example editions keep every statistic in figures.yaml: prose references figures, figures validate,
// and no number is typed by hand into the prose.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findHandTypedNumbers } from '../../../src/figures/handTyped.ts';
import { ID_SEGMENT, figureSchema } from '../../../src/figures/schema.ts';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const REFERENCE = /\{\{\s*([^|}\s]+)\s*(?:\|\s*([^}\s]+)\s*)?\}\}/g;
const VARIANTS = ['full', 'value', 'unit', 'label'];

interface Article {
  file: string;
  frontMatter: Record<string, unknown>;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
}

function readArticles(dir: string): Article[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
      if (!m) throw new Error(`${file}: no front matter`);
      const frontMatter = parse(m[1] ?? '') as Record<string, unknown>;
      return { file, frontMatter, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length };
    });
}

/** Flattens a figures tree: a node with a `value` key is a figure, anything else a group. */
function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, node] of Object.entries(tree)) {
    const id = prefix ? `${prefix}.${key}` : key;
    if (node !== null && typeof node === 'object' && 'value' in node) out.set(id, node);
    else if (node !== null && typeof node === 'object') {
      for (const [k, v] of flatten(node as Record<string, unknown>, id)) out.set(k, v);
    } else throw new Error(`${id}: neither a figure nor a group`);
  }
  return out;
}

/** Prose as the hand-typed check sees it: no references, no section numbers on headings. */
function proseOf(body: string): string {
  // Block lines (::: stats a.b c.d cols=3) are references too: they name figures and options, not prose.
  return body
    .replace(REFERENCE, '')
    .replace(/^[ \t]*:::.*$/gm, '')
    .replace(/^(#{1,6}[ \t]+)\d+[ \t]+/gm, '$1');
}

const editions = [
  { name: 'taiyuan-five-years', minFigures: 25 },
  { name: 'taiyuan-work-report', minFigures: 90 },
];

describe.each(editions)('content/$name', ({ name, minFigures }) => {
  const dir = join(CONTENT, name);
  const edition = parse(readFileSync(join(dir, 'edition.yaml'), 'utf8')) as { literals?: string[] };
  const literals = edition.literals ?? [];
  const figures = flatten(parse(readFileSync(join(dir, 'figures.yaml'), 'utf8')) as Record<string, unknown>);
  const articles = readArticles(dir);

  it('has valid figures with meaningful ids', () => {
    expect(figures.size).toBeGreaterThanOrEqual(minFigures);
    for (const [id, data] of figures) {
      const result = figureSchema.safeParse(data);
      expect(result.success, `${id}: ${result.error?.message ?? ''}`).toBe(true);
      for (const segment of id.split('.')) expect(segment).toMatch(ID_SEGMENT);
    }
  });

  it('points compareTo at figures that exist', () => {
    for (const [id, data] of figures) {
      const { compareTo } = figureSchema.parse(data);
      if (compareTo !== undefined) expect(figures.has(compareTo), `${id} → ${compareTo}`).toBe(true);
    }
  });

  it('references only known figures and variants, and every figure at least once', () => {
    const used = new Set<string>();
    for (const { file, body } of articles) {
      for (const [, id = '', variant] of body.matchAll(REFERENCE)) {
        expect(figures.has(id), `${file}: unknown figure {{${id}}}`).toBe(true);
        if (variant !== undefined) expect(VARIANTS, `${file}: {{${id} | ${variant}}}`).toContain(variant);
        used.add(id);
      }
    }
    const unused = [...figures.keys()].filter((id) => !used.has(id));
    expect(unused).toEqual([]);
  });

  it('types no statistic by hand in the prose', () => {
    const found: string[] = [];
    for (const { file, body, bodyLine } of articles) {
      proseOf(body)
        .split('\n')
        .forEach((line, i) => {
          for (const n of findHandTypedNumbers(line, literals))
            found.push(`${file}:${bodyLine + i}: ${n.match}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('gives every article the front matter the templates print', () => {
    for (const { file, frontMatter } of articles) {
      for (const key of ['title', 'byline', 'order', 'summary'])
        expect(frontMatter, file).toHaveProperty(key);
      expect(JSON.stringify(frontMatter), `${file}: front matter must not reference figures`).not.toMatch(
        REFERENCE,
      );
    }
  });
});

describe('findHandTypedNumbers', () => {
  const numbers = (text: string, literals: string[] = []): string[] =>
    findHandTypedNumbers(text, literals).map((n) => n.match);

  it('catches a statistic typed into the prose, with its offset', () => {
    expect(findHandTypedNumbers('城镇累计新增就业47.65万人', [])).toEqual([{ match: '47.65', index: 8 }]);
    expect(numbers('增长12.8%，下降7.5%')).toEqual(['12.8', '7.5']);
    expect(numbers('１２３４５人')).toEqual(['１２３４５']);
  });

  it('skips years', () => {
    expect(numbers('2020年是“十三五”规划收官之年，2021 年')).toEqual([]);
  });

  it('skips months, month ranges and days', () => {
    expect(numbers('去年5月起，1~11月，9月27日')).toEqual([]);
    expect(numbers('工期18月')).toEqual(['18']);
  });

  it('skips a year that opens an event name, but not an amount in 万', () => {
    expect(numbers('成功举办2020中国（太原）人工智能大会。举办2020 太原国际马拉松赛')).toEqual([]);
    expect(numbers('投资2020万元举办赛事')).toEqual(['2020']);
  });

  it('skips ordinals inside names, but not ranks', () => {
    expect(numbers('第2届全国青年运动会，第二届')).toEqual([]);
    expect(numbers('居第7位')).toEqual(['7']);
  });

  it('skips section numbers on headings only', () => {
    expect(numbers('## 06 为民事事 为民造福\n### 1 坚持')).toEqual([]);
    expect(numbers('06 为民事事')).toEqual(['06']);
  });

  it('skips declared literals as whole numbers only', () => {
    expect(
      numbers('开通5G基站，地铁2号线，“13710”系统，4.3米以下', ['5G', '2号线', '13710', '4.3米']),
    ).toEqual([]);
    expect(numbers('137100个，14.3米', ['13710', '4.3米'])).toEqual(['137100', '14.3']);
    expect(numbers('开通5G基站4293座', ['5G'])).toEqual(['4293']);
  });
});
