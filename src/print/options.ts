// Inputs to makeOutputs: document metadata, page geometry and print settings, with their defaults.
import { fileURLToPath } from 'node:url';
import { defaultInkRules, type InkRules } from './inks.ts';

export interface DocMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creationDate: Date;
  /** BCP 47, e.g. "zh-CN". */
  lang: string;
  /** The edition's time zone, e.g. "+08:00": dates are written as its local date. */
  utcOffset?: string;
}

export interface PageGeometry {
  widthMm: number;
  heightMm: number;
  bleedMm: number;
}

export interface Attachment {
  path: string;
  /** MIME type; guessed from the extension when absent. */
  mime?: string;
  description?: string;
}

export interface PrintOptions {
  /** Total area coverage limit in percent for the print file (coldset newsprint: 220–240). */
  tac: number;
  /** CMYK output profile for the print file; its ink limit should match `tac`. */
  iccProfile: string;
  /** OutputIntent identification written into the PDF/X file. */
  outputCondition: string;
  outputConditionIdentifier: string;
  /** Add crop marks in a slug outside the bleed (the MediaBox grows by `slugMm`). */
  cropMarks: boolean;
  slugMm: number;
  /** Archive as PDF/A-3b with these files attached (AFRelationship Source) instead of PDF/A-2b. */
  attachSources: Attachment[] | false;
  /** RGB profile for the PDF/A OutputIntent. */
  srgbProfile: string;
  /** Ghostscript's PDFSETTINGS preset for the screen file. */
  screenPreset: '/screen' | '/ebook' | '/printer';
  /** Press ink rules applied to the print file after the CMYK conversion. */
  inks: InkRules;
  timeoutMs: number;
  signal?: AbortSignal;
}

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export const defaultPrintOptions: PrintOptions = {
  tac: 240,
  iccProfile: here('../../styles/icc/folio-newsprint-tac240.icc'),
  outputCondition: 'Coldset offset printing on newsprint (CGATS TR 002 / SNAP), TAC 240%',
  outputConditionIdentifier: 'CGATS TR 002',
  cropMarks: false,
  slugMm: 10,
  attachSources: false,
  srgbProfile: '/usr/share/color/icc/ghostscript/srgb.icc',
  screenPreset: '/ebook',
  inks: defaultInkRules,
  timeoutMs: 120_000,
};

export function resolveOptions(o: Partial<PrintOptions> = {}): PrintOptions {
  return { ...defaultPrintOptions, ...o };
}

export const MM = 72 / 25.4;
