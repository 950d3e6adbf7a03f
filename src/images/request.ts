// The placeholder a photo block leaves in its HTML until the images stage has prepared the file.
// Blocks render while Markdown is parsed, before the page geometry or the files are looked at, so the
// photo block writes what it needs into one attribute and prepareImages() swaps it for the real image.

export interface ImageRequest {
  /** Path as written on the directive line, relative to the edition folder. */
  file: string;
  /** Newspaper columns the picture spans. */
  cols: number;
  /** `3:2`: crop to this width:height. */
  ratio?: string;
}

/** Written by src/blocks/photo/template.hbs as `data-folio-image="…" data-folio-line="…"`. */
const PLACEHOLDER = /data-folio-image="([\w-]+)" data-folio-line="(\d+)"/g;

/** base64url of JSON: only [A-Za-z0-9_-], so Handlebars' escaping leaves it as it is. */
export function encodeRequest(r: ImageRequest): string {
  return Buffer.from(JSON.stringify(r)).toString('base64url');
}

export interface FoundRequest extends ImageRequest {
  /** Markdown line of the directive (file line, front matter included). */
  line: number;
}

export function findRequests(html: string): FoundRequest[] {
  return [...html.matchAll(PLACEHOLDER)].map((m) => ({ ...decode(m[1]!), line: Number(m[2]) }));
}

/** Replaces each placeholder, in document order, with the attributes `attrs` returns for it. */
export function replaceRequests(html: string, attrs: (r: FoundRequest) => string): string {
  return html.replace(PLACEHOLDER, (_m, code: string, line: string) =>
    attrs({ ...decode(code), line: Number(line) }),
  );
}

function decode(code: string): ImageRequest {
  return JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as ImageRequest;
}
