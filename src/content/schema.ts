// Schemas for an edition's edition.yaml and each article's front matter.
import { z } from 'zod';
import { composeSchema, weightSchema } from '../compose/schema.ts';
import { resolveGeometry, typeAreaProblem } from '../config/presets.ts';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
  .refine(isCalendarDay, 'is not a day of the calendar (month 01–12, a day that month has)');

/** 2021-02-29 and 2021-13-45 have the shape of a date and are none; Date.UTC rolls them over. */
function isCalendarDay(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * PDF pages cannot be larger than 200 in (5080 mm) on a side (ISO 32000-1, annex C). The MediaBox is the
 * trim plus bleed (at most 20 mm) and the crop-mark slug (10 mm) on both sides, so the trim stays 60 mm under.
 */
export const MAX_PAGE_MM = 5080 - 2 * (20 + 10);
const side = z
  .number()
  .positive()
  .max(
    MAX_PAGE_MM,
    `at most ${MAX_PAGE_MM} mm, so the page with bleed and crop marks stays within the PDF limit of 5080 mm`,
  );
const margin = z.number().min(0, 'a margin cannot be negative (it would push content off the page)');

/** Page geometry overrides; presets in src/config/presets.ts give the defaults. */
export const pageOverrideSchema = z
  .object({
    widthMm: side
      .optional()
      .describe('Trimmed page width in mm (at most 5020: with bleed and crop marks, PDF allows 5080)'),
    heightMm: side
      .optional()
      .describe('Trimmed page height in mm (at most 5020: with bleed and crop marks, PDF allows 5080)'),
    bleedMm: z.number().min(0).max(20).optional(),
    marginMm: z.object({ top: margin, right: margin, bottom: margin, left: margin }).partial().optional(),
    columns: z.number().int().min(1).max(12).optional(),
    gutterMm: z.number().min(0).max(50).optional(),
    bodyPt: z.number().min(7).max(14).optional(),
  })
  .strict();

/** Press and archive settings; defaults suit coldset newsprint and a PDF/A-2b archive. */
export const outputSchema = z
  .object({
    tac: z.number().min(150).max(400).default(240).describe('Total ink limit for the print file, in %'),
    iccProfile: z.string().optional().describe('CMYK output profile (path from the project root)'),
    cropMarks: z.boolean().default(false).describe('Crop marks in a slug outside the bleed'),
    archive: z
      .enum(['pdfa-2b', 'pdfa-3b'])
      .default('pdfa-2b')
      .describe('pdfa-3b attaches the Markdown, figures and build report to the archive'),
    minTextPt: z
      .number()
      .min(4)
      .max(14)
      .default(7)
      .describe('Smallest four-colour text preflight accepts, in pt'),
    minPpi: z.number().min(72).max(600).default(170).describe('Smallest image resolution at placed size'),
    imagePpi: z
      .number()
      .min(72)
      .max(1200)
      .default(300)
      .describe('Resolution photos are prepared at for their placed size, in ppi (never above the original)'),
  })
  .strict();

const range = (lo: number, hi: number) =>
  z
    .tuple([z.number().min(lo).max(0), z.number().min(0).max(hi)])
    .describe(`[shrink, grow] as a fraction of the set size, within ${lo}…${hi}`);

/** Copyfit limits (src/fit/): the ladder's steps, in order, and how far each may go. */
export const fitSchema = z
  .object({
    enabled: z.boolean().default(true).describe('false prints the grid as drawn, without fitting'),
    spare: z
      .enum(['weights', 'even'])
      .default('weights')
      .describe("Where a page's spare height goes: by the rows' shares (weights) or the same to every row"),
    graphics: range(-0.3, 1.5)
      .default([-0.15, 1])
      .describe('Step 1: big numbers, chart and stats cell size in a graphics band'),
    leading: range(-0.1, 0.2)
      .default([-0.06, 0.12])
      .describe('Step 2: leading of the body text (vertical justification)'),
    paragraphEm: z
      .number()
      .min(0)
      .max(1.5)
      .default(0.6)
      .describe('Step 2: most space added between paragraphs, in em'),
    trackingEm: z
      .number()
      .min(0)
      .max(0.05)
      .default(0.02)
      .describe('Step 3: most tracking either way, in em (small steps of 0.005 em)'),
    bodyPt: z
      .number()
      .min(0)
      .max(0.5)
      .default(0.5)
      .describe('Step 4: most change of the body size, in pt (never below output.minTextPt)'),
    slackMm: z.number().min(0.5).max(20).default(2).describe('A module is fitted when this close to full'),
    headlineFill: z
      .number()
      .min(0)
      .max(1)
      .default(0.95)
      .describe(
        'Headlines are set as large as fills this share of the head width on their lines (up to 2.5× the theme size); 0 keeps the theme size',
      ),
  })
  .strict();

export const editionSchema = z
  .object({
    newspaper: z.string().min(1).describe('Paper name printed in the folio line'),
    date: isoDay.describe('Publication date'),
    pages: z.array(z.number().int().positive()).min(1).describe('Page numbers this edition occupies'),
    section: z.string().min(1).describe('Section name (要闻, 特别报道 …)'),
    preset: z.enum(['broadsheet', 'tabloid']).default('broadsheet'),
    layout: z.enum(['page', 'spread']).default('page').describe('spread: facing pages, also one 跨版 page'),
    theme: z
      .string()
      .default('default')
      .describe(
        "Folio's default or civic, a folder themes/<name>/ (theme.css, partials/) or a theme package",
      ),
    page: pageOverrideSchema.optional(),
    grid: z
      .array(z.string())
      .optional()
      .describe('Per page: CSS grid-template-areas rows naming modules (head, s06, …)'),
    rows: z
      .array(
        z.array(
          z.union([
            z.number().positive(),
            z.string().regex(/^(auto|\d+(\.\d+)?mm)$/, 'use auto, 1.5 or 40mm'),
          ]),
        ),
      )
      .optional()
      .describe(
        'Per page: row heights — a number is a share of the free height, auto fits the content, 40mm is fixed',
      ),
    compose: composeSchema
      .optional()
      .describe('Steers the page composer when grid is absent (README "Composer")'),
    editors: z.object({ responsible: z.string().optional(), art: z.string().optional() }).strict().optional(),
    literals: z.array(z.string()).default([]).describe('Numbers in the prose that are not statistics'),
    strictNumbers: z
      .boolean()
      .default(false)
      .describe(
        'true: every number in the prose must be a {{figure}} reference or listed in literals; folio check fails otherwise',
      ),
    blocks: z
      .array(z.string().min(1))
      .default([])
      .describe('Packages that add infographic blocks (each package folder is one block folder)'),
    figuresCode: z
      .boolean()
      .default(true)
      .describe('false: refuse to run a figures.ts (it is code) for this edition; use figures.yaml'),
    output: outputSchema.default(() => outputSchema.parse({})),
    fit: fitSchema.default(() => fitSchema.parse({})),
  })
  .strict()
  // Margins and gutters combine with the preset's, so whether type fits is known only here.
  .superRefine((config, ctx) => {
    const problem = typeAreaProblem(resolveGeometry(config));
    if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

export const frontMatterSchema = z
  .object({
    title: z.string().min(1),
    kicker: z.string().optional().describe('引题, above the headline'),
    subtitle: z.string().optional().describe('副题, printed after ——'),
    authors: z.array(z.string()).default([]),
    byline: z.string().optional(),
    credits: z.array(z.string()).default([]),
    continuedFrom: z.string().optional().describe('上接NN版'),
    continuedTo: z.string().optional().describe('下转NN版'),
    order: z.number().default(0),
    keywords: z.array(z.string()).default([]),
    summary: z.string().optional(),
    role: z.enum(['main', 'commentary', 'sidebar']).optional(),
    weight: weightSchema,
    // Edition facts an article may state too (a desk's habit); they must agree with edition.yaml.
    newspaper: z.string().optional().describe('Defaults to edition.yaml; must match it'),
    date: isoDay.optional().describe('Defaults to edition.yaml; must match it'),
    section: z.string().optional().describe('Defaults to edition.yaml; must match it'),
    page: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("The edition page the article is on; one of edition.yaml's pages"),
  })
  .strict();

export type EditionConfig = z.output<typeof editionSchema>;
export type FrontMatter = z.output<typeof frontMatterSchema>;
export type OutputConfig = z.output<typeof outputSchema>;
export type FitConfig = z.output<typeof fitSchema>;
