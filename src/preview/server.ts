// `folio preview`: serves the edition's pages as the engine lays out and fits them (a watch session in
// Chromium) on 127.0.0.1, and reloads the browser on every change.
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type ServerResponse } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { prepareFonts } from '../fonts/prepare.ts';
import { WatchSession } from '../watch/session.ts';
import { watchFiles, watchedPaths } from '../watch/files.ts';
import { Coalescer } from '../watch/queue.ts';
import { errorLines } from '../watch/report.ts';
import { ASSETS, errorHtml, previewHtml } from './page.ts';
import { PREVIEW_POLICY } from '../security/csp.ts';
import { realFileInside } from '../security/paths.ts';

export interface PreviewOptions {
  /** 0 lets the system choose (tests). */
  port: number;
  log?: (line: string) => void;
  /** Limit for each wait on Chromium (default 60 s). */
  timeoutMs?: number;
}

export interface PreviewServer {
  url: string;
  /** Resolves after the next rebuild triggered by `paths` (tests call it instead of waiting for chokidar). */
  rebuild(paths: string[]): Promise<boolean>;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
};

export async function startPreview(dir: string, opts: PreviewOptions): Promise<PreviewServer> {
  const editionDir = resolve(dir);
  const state = { html: '', fontDir: '', error: '' };
  const clients = new Set<ServerResponse>();
  const send = (event: string, data: unknown) => {
    for (const c of clients) c.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  // The engine's proofs go to a scratch folder: the preview shows the fitted pages, the PDF is a by-product.
  const scratch = mkdtempSync(join(tmpdir(), 'folio-preview-'));
  const session = new WatchSession(editionDir, {
    outDir: scratch,
    previews: false,
    snapshot: true,
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
  const build = async (paths: string[]): Promise<boolean> => {
    const r = await (paths.length ? session.applyChange(paths) : session.start());
    if (r.ok && r.html) {
      state.fontDir = (await prepareFonts({ chars: r.html })).fontDir;
      state.html = previewHtml(r.html);
      state.error = '';
      send('reload', {});
      opts.log?.(`folio: preview rebuilt`);
      return true;
    }
    const lines = r.ok ? ['folio: internal error: no pages to show'] : errorLines(r.error);
    state.error = lines.join('\n'); // the last good pages stay; the page shows the error over them
    send('failed', { message: state.error });
    for (const line of lines) opts.log?.(line);
    return false;
  };
  const queue = new Coalescer<boolean>((paths) => build(paths));
  await queue.push([]);

  const server = createServer((req, res) => {
    // DNS rebinding: a page on another name that resolves to 127.0.0.1 must not read the edition.
    if (!ownHost(req.headers.host, port())) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('wrong host');
      return;
    }
    const path = requestPath(req.url);
    if (path === undefined) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (path === `${ASSETS}/events`) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      if (state.error) res.write(`event: failed\ndata: ${JSON.stringify({ message: state.error })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, {
        'content-type': TYPES['.html']!,
        'cache-control': 'no-store',
        'content-security-policy': PREVIEW_POLICY,
      });
      res.end(state.html || errorHtml(state.error));
      return;
    }
    if (path.startsWith(`${ASSETS}/fonts/`))
      return void serveFile(res, inside(state.fontDir, path.slice(ASSETS.length + 7)));
    void serveFile(res, inside(editionDir, path.slice(1))); // images and other files the articles refer to
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(opts.port, '127.0.0.1', ok));
  const port = () => (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port()}/`;
  const files = await watchFiles(watchedPaths(editionDir), (paths) => void queue.push(paths));
  return {
    url,
    rebuild: (paths) => queue.push(paths),
    close: async () => {
      await files.close();
      await queue.idle();
      await session.close();
      rmSync(scratch, { recursive: true, force: true });
      for (const c of clients) c.end();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** The decoded path, or undefined for a malformed one (`GET /%`). */
function requestPath(url: string | undefined): string | undefined {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname);
  } catch {
    return undefined;
  }
}

/** Only the names this server is reached by on this machine: 127.0.0.1, localhost, [::1]. */
export function ownHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  return names.some((n) => host.toLowerCase() === n || host.toLowerCase() === `${n}:${port}`);
}

/** `rel` under `root` (written path), or undefined if it climbs out of it; serveFile checks the real one. */
function inside(root: string, rel: string): { file: string; root: string } | undefined {
  const full = resolve(root, rel);
  return root && (full === root || full.startsWith(root + sep)) ? { file: full, root } : undefined;
}

async function serveFile(
  res: ServerResponse,
  at: { file: string; root: string } | string | undefined,
): Promise<void> {
  const target = typeof at === 'string' ? { file: at, root: dirname(at) } : at;
  // Symlinks are followed only as far as the folder they were found in.
  const found = target ? await realFileInside(target.file, [target.root]) : undefined;
  if (!found || !('real' in found)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(found.real).toLowerCase()] ?? 'application/octet-stream',
  });
  createReadStream(found.real).pipe(res);
}
