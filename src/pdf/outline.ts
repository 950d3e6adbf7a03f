// Writes a two-level PDF outline (headlines, then numbered sections) with pdf-lib's low-level objects.
import type { PDFDict } from 'pdf-lib';
import { PDFHexString, PDFName, PDFNumber, PDFNull, type PDFDocument, type PDFRef } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  level: number;
  page: number;
  topPt: number;
}

export function setOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const ctx = doc.context;
  const pages = doc.getPages();
  const rootRef = ctx.nextRef();
  // Each top-level entry owns the level-2 entries that follow it.
  const tree: Array<{ entry: OutlineEntry; children: OutlineEntry[] }> = [];
  for (const e of entries) {
    if (e.level === 1 || tree.length === 0) tree.push({ entry: e, children: [] });
    else tree[tree.length - 1]!.children.push(e);
  }
  const dest = (e: OutlineEntry) => {
    const page = pages[Math.max(0, Math.min(e.page, pages.length - 1))]!;
    const y = page.getHeight() - e.topPt;
    return ctx.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(Math.round(y)), PDFNull]);
  };
  const writeLevel = (items: Array<{ entry: OutlineEntry; children: OutlineEntry[] }>, parent: PDFRef) => {
    const refs = items.map(() => ctx.nextRef());
    items.forEach((item, i) => {
      const dict = ctx.obj({}) as PDFDict;
      dict.set(PDFName.of('Title'), PDFHexString.fromText(item.entry.title));
      dict.set(PDFName.of('Parent'), parent);
      dict.set(PDFName.of('Dest'), dest(item.entry));
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      if (item.children.length) {
        const kids = writeLevel(
          item.children.map((c) => ({ entry: c, children: [] })),
          refs[i]!,
        );
        dict.set(PDFName.of('First'), kids[0]!);
        dict.set(PDFName.of('Last'), kids[kids.length - 1]!);
        dict.set(PDFName.of('Count'), PDFNumber.of(kids.length));
      }
      ctx.assign(refs[i]!, dict);
    });
    return refs;
  };
  const top = writeLevel(tree, rootRef);
  ctx.assign(
    rootRef,
    ctx.obj({ Type: 'Outlines', First: top[0]!, Last: top[top.length - 1]!, Count: top.length }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
