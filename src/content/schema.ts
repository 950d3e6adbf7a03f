// Schemas for an edition's edition.yaml and each article's front matter.
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

/** Page geometry overrides; presets in src/config/presets.ts give the defaults. */
export const pageOverrideSchema = z
  .object({
    widthMm: z.number().positive().optional(),
    heightMm: z.number().positive().optional(),
    bleedMm: z.number().min(0).max(20).optional(),
    marginMm: z
      .object({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() })
      .partial()
      .optional(),
    columns: z.number().int().min(1).max(12).optional(),
    gutterMm: z.number().min(0).optional(),
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

export const editionSchema = z
  .object({
    newspaper: z.string().min(1).describe('Paper name printed in the folio line'),
    date: isoDay.describe('Publication date'),
    pages: z.array(z.number().int().positive()).min(1).describe('Page numbers this edition occupies'),
    section: z.string().min(1).describe('Section name (要闻, 特别报道 …)'),
    preset: z.enum(['broadsheet', 'tabloid']).default('broadsheet'),
    layout: z.enum(['page', 'spread']).default('page').describe('spread: facing pages, also one 跨版 page'),
    theme: z.string().default('default').describe('A stylesheet in styles/themes/'),
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
    editors: z.object({ responsible: z.string().optional(), art: z.string().optional() }).strict().optional(),
    literals: z.array(z.string()).default([]).describe('Numbers in the prose that are not statistics'),
    output: outputSchema.default(() => outputSchema.parse({})),
  })
  .strict();

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
