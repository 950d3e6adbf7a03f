// PDF and XMP dates in the edition's own time zone, so an edition dated 2021-09-27 says 2021-09-27
// in the Info dictionary and in XMP alike (UTC would write the evening before for China Standard Time).
import { PDFArray, PDFHexString, type PDFDocument } from 'pdf-lib';

/** The newspapers Folio sets are dated in China Standard Time; an edition may say otherwise. */
export const DEFAULT_UTC_OFFSET = '+08:00';

function parts(d: Date, offset: string): { ymd: string; hms: string; sign: string; hh: string; mm: string } {
  const m = /^([+-])(\d\d):(\d\d)$/.exec(offset) ?? ['', '+', '00', '00'];
  const [, sign = '+', hh = '00', mm = '00'] = m;
  const minutes = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
  const local = new Date(d.getTime() + minutes * 60_000).toISOString();
  return { ymd: local.slice(0, 10), hms: local.slice(11, 19), sign, hh, mm };
}

/** `D:YYYYMMDDHHmmSS+HH'mm'` (ISO 32000-1 §7.9.4). */
export function pdfDate(d: Date, offset = DEFAULT_UTC_OFFSET): string {
  const p = parts(d, offset);
  return `D:${p.ymd.replace(/-/g, '')}${p.hms.replace(/:/g, '')}${p.sign}${p.hh}'${p.mm}'`;
}

/** `YYYY-MM-DDTHH:mm:SS+HH:mm`, the same instant and wall-clock as pdfDate. */
export function xmpDate(d: Date, offset = DEFAULT_UTC_OFFSET): string {
  const p = parts(d, offset);
  return `${p.ymd}T${p.hms}${p.sign}${p.hh}:${p.mm}`;
}

/** Midnight of an edition's date (YYYY-MM-DD) in its time zone. */
export function editionDate(isoDay: string, offset = DEFAULT_UTC_OFFSET): Date {
  return new Date(`${isoDay}T00:00:00${offset}`);
}

/** Parses a PDF date string back to an instant (for preflight comparisons); undefined when malformed. */
export function parsePdfDate(s: string): Date | undefined {
  const m = /^D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(Z|[+-]\d\d'?\d\d'?)?/.exec(s);
  if (!m) return undefined;
  const [, y, mo = '01', da = '01', h = '00', mi = '00', se = '00', z = 'Z'] = m;
  const zz = z.replace(/'/g, '');
  const tz = zz === 'Z' ? 'Z' : `${zz.slice(0, 3)}:${zz.slice(3, 5) || '00'}`;
  const d = new Date(`${y}-${mo}-${da}T${h}:${mi}:${se}${tz}`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Trailer /ID: a permanent part (the same for every output of an edition) and a changing part. */
export function setTrailerId(doc: PDFDocument, permanent: string, instance: string): void {
  const hex = (u: string): PDFHexString => PDFHexString.of(u.replace(/-/g, '').toUpperCase());
  const id = PDFArray.withContext(doc.context);
  id.push(hex(permanent));
  id.push(hex(instance));
  doc.context.trailerInfo.ID = id;
}
