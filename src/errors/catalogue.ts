// Every user-facing error Folio can raise: a stable code, what happened, and what to do.
// Messages are functions of typed details so the wording lives in one place.

export interface SourcePosition {
  file: string;
  /** 1-based; 0 when the position is unknown. */
  line: number;
  /** 1-based; 0 when the position is unknown. */
  column: number;
}

interface Entry<D> {
  message: (d: D) => string;
  hint: (d: D) => string;
}

function entry<D>(e: Entry<D>): Entry<D> {
  return e;
}

export const catalogue = {
  EditionNotFound: entry<{ dir: string }>({
    message: (d) => `edition folder not found: ${d.dir}`,
    hint: () => 'pass a folder under content/ that holds the articles (*.md) and a figures file',
  }),
  EditionNotAFolder: entry<{ path: string }>({
    message: (d) => `${d.path} is a file, not an edition folder`,
    hint: () => 'pass the folder that holds edition.yaml, the articles (*.md) and the figures file',
  }),
  NewEditionNotEmpty: entry<{ dir: string; files: string[] }>({
    message: (d) =>
      `${d.dir} is not empty (${d.files.join(', ')} …); folio new writes only into a new folder`,
    hint: () => 'name a folder that does not exist yet, or an empty one',
  }),
  EditionEmpty: entry<{ dir: string }>({
    message: (d) => `no Markdown articles in ${d.dir}`,
    hint: () => 'add at least one article.md with front matter',
  }),
  FiguresMissing: entry<{ dir: string }>({
    message: (d) => `no figures file in ${d.dir}`,
    hint: () =>
      'add figures.yaml (or figures.json, figures.ts) to the edition folder — README "Figures"; `folio new <dir>` writes one',
  }),
  FiguresAmbiguous: entry<{ files: string[] }>({
    message: (d) => `more than one figures file: ${d.files.join(', ')}`,
    hint: () => 'keep exactly one of figures.yaml, figures.json, figures.ts',
  }),
  EditionConfigMissing: entry<{ file: string }>({
    message: () => 'the edition folder has no edition.yaml',
    hint: () =>
      'write edition.yaml with newspaper, date, pages and section (README "edition.yaml"), or start from `folio new <dir>`',
  }),
  FileUnreadable: entry<{ path: string; detail: string }>({
    message: (d) => `cannot read ${d.path}: ${d.detail}`,
    hint: () => 'check that the file exists and that you may read it (permissions, a folder of that name)',
  }),
  NotUtf8: entry<{ file: string; encoding: string }>({
    message: (d) => `the file is not UTF-8 (it looks like ${d.encoding}); Folio reads UTF-8 only`,
    hint: (d) =>
      `convert it, e.g. iconv -f ${d.encoding === 'UTF-16' ? 'UTF-16' : 'GB18030'} -t UTF-8 "${d.file}" > tmp && mv tmp "${d.file}", or save it as UTF-8 in your editor`,
  }),
  YamlSyntax: entry<{ detail: string }>({
    message: (d) => `YAML syntax error: ${d.detail}`,
    hint: () => 'fix the YAML at this position (indentation, a missing colon, an unclosed quote)',
  }),
  JsonSyntax: entry<{ detail: string }>({
    message: (d) => `JSON syntax error: ${d.detail}`,
    hint: () => 'fix the JSON at this position',
  }),
  FrontMatterMissing: entry<Record<string, never>>({
    message: () => 'the article has no front matter',
    hint: () => 'start the file with a --- block holding title, newspaper, date, page, section, authors',
  }),
  FrontMatterInvalid: entry<{ field: string; detail: string }>({
    message: (d) => `front matter field "${d.field}": ${d.detail}`,
    hint: () => 'correct the field; see README "Articles" for the fields and their types',
  }),
  EditionConfigInvalid: entry<{ field: string; detail: string }>({
    message: (d) => `edition.yaml field "${d.field}": ${d.detail}`,
    hint: () => 'correct the field; see README "Editions" (schema/edition.schema.json)',
  }),
  FigureInvalid: entry<{ id: string; field: string; detail: string }>({
    message: (d) => `figure ${d.id}: ${d.field ? `"${d.field}" ` : ''}${d.detail}`,
    hint: () => 'correct the figure; the schema is schema/figures.schema.json',
  }),
  FigureDuplicate: entry<{ id: string; first: string }>({
    message: (d) => `figure ${d.id} is defined twice (first at ${d.first})`,
    hint: () => 'rename or remove one of the two definitions',
  }),
  FigureIdInvalid: entry<{ id: string; segment: string }>({
    message: (d) => `figure id ${d.id}: "${d.segment}" is not a valid id segment`,
    hint: () => 'start each name with a letter and use only letters, digits and _ (newUrbanJobs, gdp2020)',
  }),
  FiguresModule: entry<{ detail: string }>({
    message: (d) => `figures.ts could not be loaded: ${d.detail}`,
    hint: () => 'make figures.ts `export default defineFigures({ … })` and fix the error above',
  }),
  FiguresCodeDisabled: entry<Record<string, never>>({
    message: () => 'figures.ts is code, and running code is switched off here',
    hint: () =>
      'convert the figures to figures.yaml; or, if you trust the file, drop --no-figures-code, ' +
      'FOLIO_FIGURES_CODE=refuse or figuresCode: false in edition.yaml',
  }),
  UnknownFigure: entry<{ id: string; suggestions: string[] }>({
    message: (d) => `unknown figure "${d.id}"`,
    hint: (d) =>
      d.suggestions.length
        ? `did you mean ${d.suggestions.map((s) => `"${s}"`).join(' or ')}? Otherwise add it to the figures file`
        : 'add it to the figures file or correct the id',
  }),
  HandTypedNumber: entry<{ text: string; figure?: string }>({
    message: (d) =>
      `"${d.text}" is typed by hand${d.figure ? ` and equals figure ${d.figure}` : ''}; this edition has strictNumbers: every number comes from the figures file`,
    hint: (d) =>
      d.figure
        ? `write {{${d.figure}}} instead`
        : 'add the statistic to the figures file and reference it, or list the text in edition.yaml literals if it is not a statistic',
  }),
  BadReference: entry<{ text: string; detail: string }>({
    message: (d) => `malformed figure reference ${d.text}: ${d.detail}`,
    hint: () => 'write {{group.id}} or {{group.id | value}} (variants: full, value, unit, label)',
  }),
  BadBlock: entry<{ block: string; detail: string }>({
    message: (d) => `block "${d.block}": ${d.detail}`,
    hint: () => 'see README "Infographic blocks" for the block syntax',
  }),
  MarkdownImage: entry<{ src: string; remote: boolean }>({
    message: (d) =>
      d.remote
        ? `Markdown image ${d.src} is on the network; Folio never fetches a picture`
        : `Markdown image ${d.src}: pictures are placed with the photo block, not ![…](…)`,
    hint: () =>
      'copy the picture into the edition folder and write ::: photo file=images/name.jpg cols=3 "caption"',
  }),
  SectionDuplicate: entry<{ number: string; first: string }>({
    message: (d) =>
      `section ${d.number} is numbered twice (first at ${d.first}); the second would replace the first`,
    hint: () => 'renumber one of the two ## headings, or merge the sections',
  }),
  MarkdownTooDeep: entry<{ limit: number }>({
    message: (d) =>
      `lists or quotes nested too deep here: Markdown is read to ${d.limit} levels (about 9 nested lists), and the text inside would be lost`,
    hint: () => 'flatten the list or quote: a newspaper column holds two or three levels at most',
  }),
  BlockInvalid: entry<{ dir: string; detail: string }>({
    message: (d) => `block ${d.dir}: ${d.detail}`,
    hint: () =>
      'a block is a folder with index.ts (export default defineBlock({…})), template.hbs and style.css; see docs/extending.md',
  }),
  ThemeInvalid: entry<{ theme: string; detail: string }>({
    message: (d) => `theme "${d.theme}": ${d.detail}`,
    hint: () =>
      "name one of Folio's themes (default, civic), a folder themes/<name>/ with theme.css, or an installed theme package",
  }),
  StylesheetUnsafe: entry<{ file: string }>({
    message: (d) => `${d.file} contains "</style", which would end the page's stylesheet early`,
    hint: () => 'remove it; write a literal < in CSS content as \\3c',
  }),
  TemplateError: entry<{ detail: string }>({
    message: (d) => `template error: ${d.detail}`,
    hint: () => 'fix the Handlebars template named here',
  }),
  BrowserMissing: entry<{ path: string }>({
    message: (d) => `Chromium not found at ${d.path}`,
    hint: () => 'run `npm run setup` (installs chromium) or set FOLIO_CHROMIUM to its path',
  }),
  BrowserTimeout: entry<{ step: string; ms: number }>({
    message: (d) => `the browser did not finish "${d.step}" within ${d.ms} ms`,
    hint: () => 'look for an endless layout loop or a huge image; raise --timeout if the page is just large',
  }),
  BrowserCrashed: entry<{ detail: string }>({
    message: (d) => `the browser stopped unexpectedly: ${d.detail}`,
    hint: () => 'run the build again; if it repeats, run with FOLIO_DEBUG=1 and report the log',
  }),
  ResourceBlocked: entry<{ url: string }>({
    message: (d) => `the page asked for ${d.url}; Folio loads nothing from outside the edition`,
    hint: () =>
      'remove the url(), @import or link from the theme or template; place pictures with a photo block',
  }),
  FontPrepareFailed: entry<{ detail: string }>({
    message: (d) => `could not prepare the fonts: ${d.detail}`,
    hint: () => 'run `npm run setup` (installs fonts-noto-cjk and python3-fonttools)',
  }),
  Overset: entry<{ module: string; article: string; page: number; overflowMm: number }>({
    message: (d) =>
      `overset: module "${d.module}" of ${d.article} on page ${d.page} overflows by ${d.overflowMm.toFixed(1)} mm`,
    hint: () => 'shorten the text, give the module more room in the layout, or build with --allow-overset',
  }),
  Collision: entry<{ module: string; page: number; what: string; overlapMm: number }>({
    message: (d) =>
      `overset: module "${d.module}" on page ${d.page} ${d.what} by ${d.overlapMm.toFixed(1)} mm`,
    hint: () => 'shorten the text, give the module more room in the layout, or narrow its graphics band',
  }),
  Underset: entry<{ module: string; page: number; spareMm: number }>({
    message: (d) =>
      `underset: module "${d.module}" on page ${d.page} has ${Math.round(d.spareMm)} mm spare — add content or a block, or use a smaller preset`,
    hint: () =>
      "edition.yaml fit: limits say how far the ladder may go; the spare was spread over the page's rows",
  }),
  LooseLine: entry<{
    module: string;
    page: number;
    text: string;
    em: number;
    lines: number;
    /** loose: letter-spaced lines; orphan: a one-character last line (孤字); widow: a line alone in a column. */
    kind: 'loose' | 'orphan' | 'widow';
  }>({
    message: (d) =>
      d.kind === 'orphan'
        ? `loose line: module "${d.module}" on page ${d.page} ends a paragraph with one character ("${d.text}")`
        : d.kind === 'widow'
          ? `loose line: module "${d.module}" on page ${d.page} leaves one line of a paragraph alone in a column ("${d.text.slice(0, 12)}…")`
          : `loose line: module "${d.module}" on page ${d.page} has ${d.lines} line(s) set up to ${d.em.toFixed(2)} em apart ("${d.text.slice(0, 12)}…")`,
    hint: () => 'reword the paragraph slightly, or move a long figure away from the line end',
  }),
  ComposeNoFit: entry<{ modules: string; missingMm: number; preset: string; pages: number }>({
    message: (d) =>
      `the modules cannot fit on ${d.pages} ${d.preset} page(s) in any arrangement: ${d.modules} — about ${d.missingMm.toFixed(0)} mm of column depth missing`,
    hint: () =>
      'use a bigger preset (tabloid → broadsheet) or more pages, drop blocks or text, or jump text to another page with continuedTo (下转); or write grid: by hand',
  }),
  PageOverflow: entry<{ expected: number; got: number }>({
    message: (d) => `the layout produced ${d.got} pages where the edition has ${d.expected}`,
    hint: () => 'a module pushed content onto a page that does not exist: shorten it or change the grid',
  }),
  OutDirUnusable: entry<{ path: string; detail: string }>({
    message: (d) => `cannot write the output to ${d.path}: ${d.detail}`,
    hint: () =>
      'pass --out a folder you can write; nothing was written, and an earlier output there is unchanged',
  }),
  FileNotFound: entry<{ path: string }>({
    message: (d) => `file not found: ${d.path}`,
    hint: () => 'check the path; build the edition first if it is an output file',
  }),
  // Batch and queue (src/batch, src/queue).
  RedisUrlMissing: entry<Record<string, never>>({
    message: () => 'no Redis server given',
    hint: () => 'pass --redis redis://host:6379 or set FOLIO_REDIS_URL',
  }),
  RedisUnreachable: entry<{ url: string; detail: string }>({
    message: (d) => `cannot reach Redis at ${d.url}: ${d.detail}`,
    hint: () => 'start redis-server there (or fix --redis / FOLIO_REDIS_URL) and try again',
  }),
  FiguresCodeRefused: entry<Record<string, never>>({
    message: () => 'this worker does not run figures.ts (it is code, and queue jobs come from elsewhere)',
    hint: () => 'convert the figures to figures.yaml, or start the worker with --allow-figures-code',
  }),
  ToolMissing: entry<{ tool: string; pkg: string }>({
    message: (d) => `${d.tool} is not installed`,
    hint: (d) => `run \`npm run setup\` or \`apt-get install ${d.pkg}\``,
  }),
  ToolFailed: entry<{ tool: string; detail: string }>({
    message: (d) => `${d.tool} failed: ${d.detail}`,
    hint: () => 'its last lines are quoted here; the previous output files were left as they were',
  }),
  Aborted: entry<Record<string, never>>({
    message: () => 'stopped',
    hint: () => 'nothing was written',
  }),
} as const;

export type ErrorCode = keyof typeof catalogue;
export type DetailsOf<C extends ErrorCode> = Parameters<(typeof catalogue)[C]['message']>[0];

/**
 * Every warning code Folio reports: a finding that does not stop the build. The message is written where the
 * warning is found (it carries the numbers); the meaning and the remedy live here.
 */
export const warningCatalogue = {
  FigureUnused: {
    meaning: 'a figure is defined and never used',
    hint: 'use it or remove it from the figures file',
  },
  FigureImplausible: {
    meaning:
      'a figure passes the schema but is unlikely: a share over 100%, a negative count, a rank of 0, dozens of digits',
    hint: 'check the value, its kind and its scale in the figures file',
  },
  HandTypedFigure: {
    meaning: 'a number in the prose is typed by hand instead of a {{figure}} reference',
    hint: 'reference the figure, or list the text in edition.yaml literals if it is not a statistic',
  },
  ImageResolution: {
    meaning: "a photo is below the edition's minimum resolution at its placed size",
    hint: 'use a larger original or place it smaller (fewer cols)',
  },
  Overset: { meaning: 'a module overflows its place', hint: 'shorten the text or give the module more room' },
  Underset: {
    meaning: 'a module leaves too much space empty',
    hint: 'add text or give the module less room',
  },
  LooseLine: { meaning: 'a line is set too loosely', hint: 'rewrite the line or let copyfit re-track it' },
  Preflight: {
    meaning: 'a preflight check of a print, archive or screen file failed',
    hint: 'see the check named in the message',
  },
} as const;

export type WarningCode = keyof typeof warningCatalogue;
