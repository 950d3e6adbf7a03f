// Every preflight rule: a stable id, the clause it implements, the profiles it runs for, what it catches.
// The README's rule table is this list; a rule runs on every page, content stream, form and resource.
import { checkColour } from './colour.ts';
import { checkInk } from './ink.ts';
import { checkMetadata, checkOutputIntent } from './metadata.ts';
import {
  checkActions,
  checkEmbeddedFiles,
  checkId,
  checkInfoXmp,
  checkStructure,
  checkXmp,
} from './rules/archive.ts';
import { checkBoxes } from './rules/boxes.ts';
import { checkEmbedded, checkToUnicode, checkType3 } from './rules/fonts.ts';
import { checkResolution, inkDpi } from './rules/images.ts';
import { checkBlackText, checkHairlines, checkMinTint } from './rules/inks.ts';
import { checkLinearized, checkPdfxVersion } from './rules/pdfx.ts';
import { checkTransparency } from './rules/transparency.ts';
import { checkSmallText } from './text.ts';
import { checkSyntax } from './tools.ts';
import type { Rule } from './types.ts';

const ALL = ['print', 'archive', 'screen'] as const;
const X3 = 'ISO 15930-3:2002 (PDF/X-3)';
const A2 = 'ISO 19005-2/-3 (PDF/A-2/3)';

export const RULES: readonly Rule[] = [
  {
    id: 'syntax',
    clause: 'ISO 32000-1 §7 (file structure)',
    profiles: ALL,
    catches: 'damaged objects, streams or cross-reference table (qpdf --check)',
    check: (c) => checkSyntax(c.pdf, c.run),
  },
  {
    id: 'meta.basic',
    clause: `${A2} §6.6.2; ISO 32000-1 §14.3`,
    profiles: ALL,
    catches: 'no Title, XMP title/author differing from Info, no /Lang, no trailer /ID',
    check: (c) => checkMetadata(c.doc, c.profile),
  },
  {
    id: 'fonts.embedded',
    clause: `${X3} fonts; ${A2} §6.2.11.4.1`,
    profiles: ALL,
    catches: 'a font whose program is not embedded',
    check: checkEmbedded,
  },
  {
    id: 'fonts.no-type3',
    clause: 'Ghent Workgroup / WAN-IFRA newspaper spec (no Type 3)',
    profiles: ALL,
    catches: 'Type 3 fonts (bitmap or procedure glyphs RIPs reject or degrade)',
    check: checkType3,
  },
  {
    id: 'fonts.tounicode',
    clause: `${A2} §6.2.11.7 (level U)`,
    profiles: ALL,
    catches: 'a composite font without ToUnicode: text that cannot be searched or copied',
    check: checkToUnicode,
  },
  {
    id: 'pdfx.boxes',
    clause: `${X3} box usage (draft §2.9)`,
    profiles: ALL,
    catches:
      'a missing TrimBox, TrimBox and ArtBox together, a Trim/Bleed box sticking out of the Bleed/Crop/MediaBox by any amount, wrong trim size or bleed',
    check: checkBoxes,
  },
  {
    id: 'pdfx.version',
    clause: `${X3} Info dictionary keys`,
    profiles: ['print'],
    catches: 'missing GTS_PDFXVersion, Trapped not True/False, no Title or dates',
    check: checkPdfxVersion,
  },
  {
    id: 'pdfx.output-intent',
    clause: `${X3} output intent`,
    profiles: ['print'],
    catches: 'no GTS_PDFX OutputIntent with an embedded CMYK profile',
    check: (c) => checkOutputIntent(c.doc, 'print'),
  },
  {
    id: 'pdfx.colour',
    clause: `${X3} colour spaces; WAN-IFRA process colours`,
    profiles: ['print'],
    catches:
      'RGB, Lab or spot colour: operators, named/ICCBased resource spaces, XObject and inline images, shadings',
    check: (c) => checkColour(c.doc),
  },
  {
    id: 'pdfx.transparency',
    clause: `${X3} (PDF 1.3: no transparency)`,
    profiles: ['print'],
    catches: 'soft masks, constant alpha < 1, blend modes, transparency groups',
    check: checkTransparency,
  },
  {
    id: 'gwg.tac',
    clause: 'WAN-IFRA newspaper26v5 / Ghent Workgroup total area coverage',
    profiles: ['print'],
    catches: 'ink over the TAC anywhere, measured at the finest image resolution (50–300 dpi)',
    check: async (c) => checkInk(c.pdf, c.expect.tac, c.run, inkDpi(c)),
  },
  {
    id: 'gwg.text.black',
    clause: 'Ghent Workgroup / WAN-IFRA: black text in K only',
    profiles: ['print'],
    catches: 'rich-black or CMY-only text, and black text screened instead of solid',
    check: checkBlackText,
  },
  {
    id: 'gwg.text.small-multi-ink',
    clause: 'WAN-IFRA: four-colour text ≥ the minimum size',
    profiles: ['print'],
    catches: 'text under the minimum size printed in two or more inks',
    check: (c) => checkSmallText(c.doc, c.expect.minTextPt),
  },
  {
    id: 'gwg.ink.min-tint',
    clause: 'WAN-IFRA newspaper: smallest printable dot',
    profiles: ['print'],
    catches: 'an ink between 0 and the minimum tint (about 5 %) in any vector colour',
    check: checkMinTint,
  },
  {
    id: 'gwg.line.single-ink',
    clause: 'Ghent Workgroup: thin lines in one ink',
    profiles: ['print'],
    catches: 'a hairline stroke or thin rule drawn in more than one ink',
    check: checkHairlines,
  },
  {
    id: 'image.resolution',
    clause: 'WAN-IFRA / Ghent Workgroup image resolution',
    profiles: ALL,
    catches: 'an XObject or inline image under the minimum effective resolution at placed size',
    check: checkResolution,
  },
  {
    id: 'pdfa.id',
    clause: `${A2} §6.1.3`,
    profiles: ['archive'],
    catches: 'no trailer /ID, or encryption',
    check: checkId,
  },
  {
    id: 'pdfa.output-intent',
    clause: `${A2} §6.2.3`,
    profiles: ['archive'],
    catches: 'no GTS_PDFA1 OutputIntent with an RGB profile',
    check: (c) => checkOutputIntent(c.doc, 'archive'),
  },
  {
    id: 'pdfa.xmp',
    clause: `${A2} §6.6.2.1, §6.6.4`,
    profiles: ['archive'],
    catches:
      'no XMP, no or wrong pdfaid part/conformance, orphan XMP packets (e.g. Ghostscript\'s "Untitled")',
    check: checkXmp,
  },
  {
    id: 'pdfa.info-xmp',
    clause: `${A2} §6.6.3`,
    profiles: ['archive'],
    catches: 'Info and XMP disagreeing: title, author, subject, keywords, producer, CreationDate/ModDate',
    check: checkInfoXmp,
  },
  {
    id: 'pdfa.actions',
    clause: `${A2} §6.5.1, §6.5.2`,
    profiles: ['archive'],
    catches: 'JavaScript (an OpenAction or document script), Launch and other forbidden actions, /AA',
    check: checkActions,
  },
  {
    id: 'pdfa.embedded-files',
    clause: `${A2} §6.8`,
    profiles: ['archive'],
    catches:
      'a non-PDF/A attachment in a PDF/A-2 file; in PDF/A-3 an attachment without AFRelationship, MIME type or /AF entry',
    check: checkEmbeddedFiles,
  },
  {
    id: 'archive.tagged',
    clause: `${A2} §6.7 (level A; Folio asks it of a level B archive)`,
    profiles: ['archive'],
    catches: 'an archive without structure tree, Marked, /Lang or outline',
    check: checkStructure,
  },
  {
    id: 'screen.linearized',
    clause: 'ISO 32000-1 Annex F (linearized PDF)',
    profiles: ['screen'],
    catches: 'a screen file that is not linearized for the web',
    check: checkLinearized,
  },
];

export const rulesFor = (profile: Rule['profiles'][number]): Rule[] =>
  RULES.filter((r) => r.profiles.includes(profile));
