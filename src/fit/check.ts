// Runs inside the fitted page: slack per module, loose justified lines and 孤字 last lines (re-tracking a
// paragraph within the ladder's limits to cure them), and collisions. Free of imports (page.evaluate).

export interface CheckInput {
  /** Loose when the average space added between the characters of a justified line exceeds this (em). */
  looseEm: number;
  trackingEm: number;
  /** Past this, a loose line is left short rather than spaced out (em). */
  raggedEm: number;
  /** Fitted when this close to full (px). */
  slack: number;
  /** --allow-overset: clip modules that run out of their box, so nothing prints over anything else. */
  clip: boolean;
}

export interface LineIssue {
  line: number;
  text: string;
  /** Average extra space between characters, em (loose lines); 0 for a 孤字 last line. */
  em: number;
  kind: 'loose' | 'orphan';
}

export interface CheckedModule {
  key: string;
  line: number;
  /** Printed page index (0-based) the module is on. */
  page: number;
  box: { x: number; y: number; w: number; h: number };
  content: number;
  lines: LineIssue[];
  retracked: number;
}

export interface Collision {
  module: string;
  page: number;
  what: string;
  px: number;
  line: number;
}

export function checkInPage(arg: CheckInput): { modules: CheckedModule[]; collisions: Collision[] } {
  const pages = Array.from(document.querySelectorAll('.pagedjs_page'));
  const perSheet = (h: Element) => (h.querySelector('.np-spread') && !h.querySelector('.np-cut') ? 2 : 1);
  const firstOf = pages.map((_, i) => pages.slice(0, i).reduce((n, h) => n + perSheet(h), 0));
  const pageOf = (el: Element): number => {
    const host = el.closest('.pagedjs_page');
    if (!host) return -1;
    const i = pages.indexOf(host);
    if (perSheet(host) === 1) return firstOf[i]!;
    const b = host.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return firstOf[i]! + (r.left + r.width / 2 > b.left + b.width / 2 ? 1 : 0);
  };
  const lineOf = (el: Element) =>
    Number(
      el.closest<HTMLElement>('[data-source-line]')?.dataset['sourceLine'] ??
        el.querySelector<HTMLElement>('[data-source-line]')?.dataset['sourceLine'] ??
        el.closest<HTMLElement>('.module')?.dataset['sourceLine'] ??
        0,
    );
  const modules: CheckedModule[] = [];
  const collisions: Collision[] = [];
  const seen = new Set<string>();
  for (const grid of Array.from(document.querySelectorAll<HTMLElement>('.np-grid'))) {
    const g = grid.getBoundingClientRect();
    const tracks = getComputedStyle(grid).gridTemplateRows.split(' ').map(parseFloat);
    const gap = parseFloat(getComputedStyle(grid).rowGap) || 0;
    const foot = grid.parentElement?.querySelector('.page-foot')?.getBoundingClientRect();
    for (const m of Array.from(grid.querySelectorAll<HTMLElement>(':scope > .module'))) {
      const key = m.dataset['module'] ?? '?';
      const [a = 0, b = 1] = (m.dataset['rows'] ?? '').split(' ').map(Number);
      const top = g.top + tracks.slice(0, a).reduce((x, y) => x + y, 0) + gap * a;
      const boxH = tracks.slice(a, b).reduce((x, y) => x + y, 0) + gap * (b - a - 1);
      const r = m.getBoundingClientRect();
      const fixed = fixParagraphs(m, top + boxH);
      const content = m.getBoundingClientRect().height;
      const page = pageOf(m);
      // A cut spread shows each sheet twice; report each module once.
      const id = `${grid.closest<HTMLElement>('.np-sheet')?.dataset['pages']}:${key}`;
      const first = !seen.has(id);
      seen.add(id);
      if (first)
        modules.push({
          key,
          line: Number(m.dataset['sourceLine'] ?? 0),
          page,
          box: { x: r.left - g.left, y: top - g.top, w: r.width, h: boxH },
          content,
          lines: fixed.issues,
          retracked: fixed.retracked,
        });
      const over = m.getBoundingClientRect().bottom - (top + boxH);
      const below =
        b >= tracks.length ? 'runs past the type area, under the footer' : 'runs into the module below';
      if (first && over > 1) collisions.push({ module: key, page, what: below, px: over, line: lineOf(m) });
      if (first && foot && m.getBoundingClientRect().bottom > foot.top + 1 && over <= 1)
        collisions.push({
          module: key,
          page,
          what: 'runs under the footer',
          px: m.getBoundingClientRect().bottom - foot.top,
          line: lineOf(m),
        });
      for (const el of Array.from(
        m.querySelectorAll<HTMLElement>(
          '.module-graphics > .blk, .stat, .headline, .subtitle, .section-head',
        ),
      )) {
        const wide = el.scrollWidth - el.clientWidth;
        if (first && wide > 1)
          collisions.push({
            module: key,
            page,
            what: `${el.dataset['block'] ?? el.className.split(' ')[0]} is wider than its box`,
            px: wide,
            line: lineOf(el),
          });
      }
      if (arg.clip && over > 1) {
        // min-height (min-content in base.css) would win over max-height.
        m.style.minHeight = '0';
        m.style.maxHeight = `${boxH}px`;
        m.style.overflow = 'hidden';
      }
    }
  }
  return { modules, collisions };

  /** Re-tracks paragraphs with loose lines or a 孤字 last line, keeping the module inside its box. */
  function fixParagraphs(m: HTMLElement, bottom: number): { issues: LineIssue[]; retracked: number } {
    const issues: LineIssue[] = [];
    let retracked = 0;
    const paras = Array.from(m.querySelectorAll<HTMLElement>('.module-body p'));
    const found = paras.map((p) => [p, problems(p)] as const).filter(([, x]) => x.length);
    const slackNow = bottom - m.getBoundingClientRect().bottom;
    for (const [p, first] of found) {
      let best = first;
      // Tracking within the ladder's limits first, then punctuation set half-width (标点挤压) with it.
      const tries: Array<[number, boolean]> = [
        [-0.005, false],
        [-0.01, false],
        [0.005, false],
        [-0.02, false],
        [0, true],
        [-0.01, true],
        [0.01, true],
      ];
      const apply = ([d, squeeze]: [number, boolean]) => {
        p.style.letterSpacing = d ? `calc(var(--fit-track, 0em) + ${d}em)` : '';
        p.style.fontFeatureSettings = squeeze ? '"halt"' : '';
      };
      let bestTry: [number, boolean] | undefined;
      for (const t of tries) {
        const total = parseFloat(m.style.getPropertyValue('--fit-track') || '0') + t[0];
        if (Math.abs(total) > arg.trackingEm + 1e-9) continue;
        apply(t);
        const now = problems(p);
        const left = bottom - m.getBoundingClientRect().bottom;
        if (now.length < best.length && left >= -0.5 && left <= Math.max(arg.slack, slackNow + 0.5)) {
          best = now;
          bestTry = t;
          if (!now.length) break;
        }
      }
      apply(bestTry ?? [0, false]);
      if (bestTry) retracked++;
      // Still letter-spaced wide: the paragraph is set without inter-character justification, so a line
      // that cannot be filled ends short instead of spaced out (it reads as text, also to a PDF's text layer).
      if (best.some((l) => l.kind === 'loose' && l.em > arg.raggedEm)) {
        p.style.setProperty('text-justify', 'inter-word');
        best = problems(p);
        retracked++;
      }
      issues.push(...best);
    }
    return { issues, retracked };
  }

  function problems(p: HTMLElement): LineIssue[] {
    const lines = linesOf(p);
    const out: LineIssue[] = [];
    const fontPx = parseFloat(getComputedStyle(p).fontSize) || 14;
    const probes = document.createElement('div');
    probes.style.cssText = 'position:absolute;left:-9999px;top:0;visibility:hidden';
    const cs = getComputedStyle(p);
    const items = lines.slice(0, -1).map((l) => {
      const d = document.createElement('div');
      d.style.cssText = `white-space:nowrap;display:inline-block;font:${cs.font};letter-spacing:${cs.letterSpacing};text-indent:0`;
      d.appendChild(l.range.cloneContents());
      probes.appendChild(d);
      return { l, d };
    });
    document.body.appendChild(probes);
    for (const { l, d } of items) {
      if (l.count < 4) continue;
      const extra = (l.right - l.left - d.getBoundingClientRect().width) / (l.count - 1) / fontPx;
      if (extra > arg.looseEm)
        out.push({ line: lineOf(p), text: l.range.toString(), em: extra, kind: 'loose' });
    }
    probes.remove();
    const last = lines[lines.length - 1];
    if (lines.length > 1 && last && last.range.toString().replace(/[\s\p{P}]/gu, '').length <= 1)
      out.push({ line: lineOf(p), text: last.range.toString(), em: 0, kind: 'orphan' });
    return out;
  }

  function linesOf(p: HTMLElement) {
    type Line = { range: Range; left: number; right: number; top: number; count: number };
    const lines: Line[] = [];
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const r = document.createRange();
    let cur: Line | undefined;
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      for (let i = 0; i < t.data.length; i++) {
        if (/\s/.test(t.data[i]!)) continue;
        r.setStart(t, i);
        r.setEnd(t, i + 1);
        const box = r.getClientRects()[0];
        if (!box || !box.width) continue;
        if (!cur || box.left < cur.right - 1 || Math.abs(box.top - cur.top) > box.height / 2) {
          cur = { range: document.createRange(), left: box.left, right: box.right, top: box.top, count: 0 };
          cur.range.setStart(t, i);
          lines.push(cur);
        }
        cur.right = box.right;
        cur.count++;
        cur.range.setEnd(t, i + 1);
      }
    }
    return lines;
  }
}
