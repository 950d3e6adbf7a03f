// Fast unit tests: the content-stream tokenizer, the neutral-colour rewrite, XMP, tool failures, abort.
import { describe, expect, it } from 'vitest';
import { operations } from '../../../src/print/content-tokens.ts';
import { rewrite } from '../../../src/print/neutral.ts';
import { run } from '../../../src/print/run.ts';
import { buildXmp } from '../../../src/print/xmp.ts';
import { makeOutputs } from '../../../src/print/index.ts';
import { meta, page } from './fixture.ts';

describe('content streams', () => {
  it('skips strings, hex strings and inline image data when finding operators', () => {
    const src = '(a\\) rg) Tj <0 0 0 rg> Tj BI /W 1 /H 1 ID \x00 rg EI 1 0 0 rg';
    expect([...operations(src)].map((o) => o.op)).toEqual(['Tj', 'Tj', 'BI', 'ID', 'EI', 'rg']);
  });

  it('rewrites neutral RGB fill and stroke colours to gray, leaves colours alone', () => {
    const src = '0 0 0 RG 0 0 0 rg\nBT (0 0 0 rg) Tj ET .3333 .3333 .3333 rg .8 0 0 rg';
    const r = rewrite(src);
    expect(r.text).toBe('0 G 0 g\nBT (0 0 0 rg) Tj ET 0.3333 g .8 0 0 rg');
    expect(r.changed).toBe(3);
  });
});

describe('XMP', () => {
  it('escapes XML and keeps Chinese text as UTF-8', () => {
    const x = buildXmp({
      meta: { ...meta, title: 'A & B <人民>' },
      producer: 'p',
      creatorTool: 't',
      modifyDate: new Date('2026-03-06T09:00:00Z'),
      documentId: 'uuid:1',
      instanceId: 'uuid:2',
      pdfa: { part: 2, conformance: 'B' },
    });
    expect(x).toContain('A &#38; B &#60;人民&#62;');
    expect(x).toContain('<xmp:CreateDate>2026-03-06T16:00:00+08:00</xmp:CreateDate>');
    expect(x).toContain('<pdfaid:part>2</pdfaid:part>');
  });
});

describe('failures', () => {
  it('turns a tool error into FolioError ToolFailed with the tool name', async () => {
    await expect(
      run('gs', ['-q', '-dBATCH', '-dNOPAUSE', '-sDEVICE=pdfwrite', '-o', '/dev/null', '/nonexistent.pdf']),
    ).rejects.toMatchObject({ code: 'ToolFailed', details: { tool: 'gs' } });
  });

  it('reports a missing tool as ToolMissing', async () => {
    await expect(run('folio-no-such-tool', [])).rejects.toMatchObject({ code: 'ToolMissing' });
  });

  it('stops on an aborted signal without writing anything', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(
      makeOutputs('/nonexistent.pdf', '/tmp', meta, page, { signal: ac.signal }),
    ).rejects.toBeTruthy();
    const slow = run('sleep', ['5'], { signal: AbortSignal.timeout(100) });
    await expect(slow).rejects.toMatchObject({ code: 'Aborted' });
  });

  it('time-limits a tool', async () => {
    await expect(run('sleep', ['5'], { timeoutMs: 100 })).rejects.toMatchObject({ code: 'ToolFailed' });
  });
});
