// Attaches source files for PDF/A-3 (AFRelationship /Source, listed in the catalog's /AF array).
// Built by hand instead of pdf-lib's attach() because attach() neither returns the file
// specification's ref (needed for /AF) nor writes the Params/ModDate PDF/A-3 asks for.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { Attachment } from './options.ts';

const MIME: Record<string, string> = {
  '.md': 'text/markdown',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.ts': 'text/plain',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
};

export async function attachSources(doc: PDFDocument, files: Attachment[]): Promise<void> {
  const ctx = doc.context;
  const entries: [string, PDFRef][] = [];
  for (const f of files) {
    const bytes = await readFile(f.path);
    const mtime = (await stat(f.path)).mtime;
    const name = basename(f.path);
    const mime = f.mime ?? MIME[extname(name).toLowerCase()] ?? 'application/octet-stream';
    const file = ctx.flateStream(bytes, {
      Type: 'EmbeddedFile',
      Subtype: PDFName.of(mime),
      Params: {
        Size: bytes.length,
        ModDate: PDFString.fromDate(mtime),
        CheckSum: PDFHexString.of(createHash('md5').update(bytes).digest('hex')),
      },
    });
    const fileRef = ctx.register(file);
    const spec = ctx.obj({
      Type: 'Filespec',
      F: PDFString.of(asciiName(name)),
      UF: PDFHexString.fromText(name),
      Desc: PDFHexString.fromText(f.description ?? name),
      AFRelationship: 'Source',
      EF: { F: fileRef, UF: fileRef },
    });
    entries.push([name, ctx.register(spec)]);
  }
  // The name tree must be sorted by key; names compare as byte strings.
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const names = PDFArray.withContext(ctx);
  for (const [name, ref] of entries) {
    names.push(PDFHexString.fromText(name));
    names.push(ref);
  }
  const af = PDFArray.withContext(ctx);
  for (const [, ref] of entries) af.push(ref);
  // Keep other name trees (e.g. named destinations) Ghostscript may have written.
  const existing = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const nameDict = existing ?? ctx.obj({});
  nameDict.set(PDFName.of('EmbeddedFiles'), ctx.obj({ Names: names }));
  doc.catalog.set(PDFName.of('Names'), nameDict);
  doc.catalog.set(PDFName.of('AF'), ctx.register(af));
}

function asciiName(name: string): string {
  return name.replace(/[^\x20-\x7e]/g, '_');
}
