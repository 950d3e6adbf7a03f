// folio preview on hostile requests: no crash on a malformed path, no other Host, no symlink out.
import { symlinkSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer } from '../../../src/preview/server.ts';
import { copyEdition } from '../../helpers/edition.ts';

let server: PreviewServer;

function get(path: string, host?: string): Promise<{ status: number; body: string; csp?: string }> {
  const url = new URL(server.url);
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path, headers: { host: host ?? url.host } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => {
          const csp = res.headers['content-security-policy'];
          done({ status: res.statusCode ?? 0, body, ...(csp ? { csp: String(csp) } : {}) });
        });
      },
    );
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  const dir = copyEdition();
  symlinkSync('/etc/passwd', join(dir, 'images', 'passwd.jpg'));
  symlinkSync(join(dir, 'images'), join(dir, 'pics'));
  server = await startPreview(dir, { port: 0 });
});
afterAll(() => server?.close());

describe('folio preview', () => {
  it('answers a malformed path with 400 and keeps running', async () => {
    expect((await get('/%')).status).toBe(400);
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });

  it('answers only the names of this machine', async () => {
    const port = new URL(server.url).port;
    expect((await get('/', 'evil.example')).status).toBe(421);
    expect((await get('/', `rebind.evil.example:${port}`)).status).toBe(421);
    expect((await get('/', `127.0.0.1:${Number(port) + 1}`)).status).toBe(421);
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'localhost'])
      expect((await get('/', host)).status, host).toBe(200);
  });

  it('serves the pages under a policy that runs only its own scripts', async () => {
    const page = await get('/');
    expect(page.csp).toMatch(/script-src 'nonce-[^']+'/);
    const nonce = /'nonce-([^']+)'/.exec(page.csp ?? '')?.[1];
    const scripts = [...page.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
  });

  it('does not follow a symlink out of the edition, and serves real files', async () => {
    const leaked = await get('/images/passwd.jpg');
    expect(leaked.status).toBe(404);
    expect(leaked.body).not.toContain('root:');
    expect((await get('/images/skyline.jpg')).status).toBe(200);
    expect((await get('/pics/skyline.jpg')).status).toBe(200); // a link inside the edition is fine
  });
});
