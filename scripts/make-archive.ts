// `node --import tsx scripts/make-archive.ts N [--out DIR] [--seeds a,b] [--seed-value S]`: writes N editions
// made from the example editions (content/), each with its own date and its own statistics, for the batch
// tests and the benchmark. Deterministic: the same N and seed value give the same archive.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isScalar, parseDocument, visit } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
/** Kinds whose values are absolute amounts, so a ±12 % change reads as another day's numbers. Shares,
 *  ranks, changes and streaks keep their value: they are tied to the words around them. */
const VARIED_KINDS = new Set(['count', 'money']);

export interface ArchiveOptions {
  count: number;
  outDir: string;
  seeds?: string[];
  seedValue?: number;
}

/** Writes the editions and returns their folders, in order. */
export function makeArchive(o: ArchiveOptions): string[] {
  const seeds = o.seeds ?? ['taiyuan-five-years', 'taiyuan-work-report'];
  const random = mulberry32(o.seedValue ?? 1);
  const dirs: string[] = [];
  mkdirSync(o.outDir, { recursive: true });
  for (let i = 0; i < o.count; i++) {
    const seed = seeds[i % seeds.length]!;
    const from = join(ROOT, 'content', seed);
    const date = shiftDate(dateOf(from), Math.floor(i / seeds.length) + 1);
    const dir = join(o.outDir, `${seed}-${date}`);
    cpSync(from, dir, { recursive: true });
    setDate(dir, date);
    varyFigures(join(dir, 'figures.yaml'), random);
    dirs.push(dir);
  }
  return dirs;
}

function dateOf(dir: string): string {
  const m = /^date:\s*(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(dir, 'edition.yaml'), 'utf8'));
  if (!m) throw new Error(`${dir}/edition.yaml has no date`);
  return m[1]!;
}

function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** edition.yaml and every article's front matter state the date; they must agree. */
function setDate(dir: string, date: string): void {
  for (const name of readdirSync(dir).filter((n) => n === 'edition.yaml' || n.endsWith('.md'))) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^date:\s*\d{4}-\d{2}-\d{2}/m, `date: ${date}`));
  }
}

/** Changes each count and money figure by up to ±12 %, keeping its number of decimals (comments kept). */
function varyFigures(file: string, random: () => number): void {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  visit(doc, {
    Map(_key, node) {
      if (!isMap(node)) return;
      const value = node.get('value', true);
      const kind = node.get('kind');
      if (!isScalar(value) || typeof value.value !== 'number' || !VARIED_KINDS.has(String(kind))) return;
      const decimals = (String(value.value).split('.')[1] ?? '').length;
      const varied = Number((value.value * (0.88 + random() * 0.24)).toFixed(decimals));
      value.value = varied > 0 ? varied : value.value;
    },
  });
  writeFileSync(file, doc.toString({ lineWidth: 0 }));
}

/** A small seeded generator: the archive is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const count = Number(process.argv[2]);
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write('usage: make-archive.ts N [--out DIR] [--seeds a,b] [--seed-value S]\n');
    process.exit(2);
  }
  const dirs = makeArchive({
    count,
    outDir: resolve(arg('--out') ?? 'archive'),
    seeds: arg('--seeds')?.split(','),
    seedValue: arg('--seed-value') ? Number(arg('--seed-value')) : undefined,
  });
  process.stderr.write(`make-archive: ${dirs.length} editions in ${resolve(arg('--out') ?? 'archive')}\n`);
}
