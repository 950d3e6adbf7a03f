// Runs inside the paginated page: finds the modules two renderings differ in, puts the new grids in, and
// tells which printed pages now look different.
// Kept free of imports because page.evaluate serialises these functions into the browser.

export interface ModuleDiff {
  /** Module keys whose HTML differs (or that are new). */
  changed: string[];
  /** Something outside the modules differs (page chrome, styles, the module set): re-paginate. */
  skeletonChanged: boolean;
}

/** A module can occur more than once (a cut spread prints its sheet once per half), so keys map to lists. */
export function diffModulesInPage(oldHtml: string, newHtml: string): ModuleDiff {
  const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
  const modulesOf = (doc: Document) => {
    const map = new Map<string, HTMLElement[]>();
    for (const m of Array.from(doc.querySelectorAll<HTMLElement>('.module[data-module]'))) {
      const key = m.dataset['module'] ?? '';
      map.set(key, [...(map.get(key) ?? []), m]);
    }
    return map;
  };
  const text = (list: HTMLElement[] | undefined) => (list ?? []).map((m) => m.outerHTML).join('\n');
  const before = parse(oldHtml);
  const after = parse(newHtml);
  const a = modulesOf(before);
  const b = modulesOf(after);
  const changed = [...b.keys()].filter((key) => text(a.get(key)) !== text(b.get(key)));
  const sameSet = a.size === b.size && [...a].every(([key, list]) => b.get(key)?.length === list.length);
  // With every module emptied, what is left is the page skeleton; any difference there needs Paged.js.
  for (const list of [...a.values(), ...b.values()]) for (const m of list) m.replaceChildren();
  const skeletonChanged = !sameSet || before.documentElement.outerHTML !== after.documentElement.outerHTML;
  return { changed, skeletonChanged };
}

/**
 * Puts every grid of `newHtml` in place of the live one, modules and rows as rendered, so that the fit stage
 * starts from the same state as in a build (a fitted grid carries its rows and every module's settings).
 * Returns false when the live page and the new HTML do not have the same grids.
 */
export async function resetGridsInPage(newHtml: string): Promise<boolean> {
  const doc = new DOMParser().parseFromString(newHtml, 'text/html');
  const fresh = Array.from(doc.querySelectorAll('.np-sheet > .np-grid'));
  // A cut spread shows its sheet once per printed half: each live grid takes the next fresh grid of its sheet.
  const bySheet = new Map<string, Element[]>();
  for (const g of fresh) {
    const key = g.closest<HTMLElement>('.np-sheet')?.dataset['pages'] ?? '';
    bySheet.set(key, [...(bySheet.get(key) ?? []), g]);
  }
  const live = Array.from(document.querySelectorAll('.pagedjs_page .np-sheet > .np-grid'));
  if (live.length !== fresh.length) return false;
  const images: HTMLImageElement[] = [];
  for (const old of live) {
    const key = old.closest<HTMLElement>('.np-sheet')?.dataset['pages'] ?? '';
    const next = bySheet.get(key)?.shift();
    if (!next) return false;
    const node = document.importNode(next, true) as HTMLElement;
    likePagedJs(node);
    old.replaceWith(node);
    await afterParsed(node);
    images.push(...Array.from(node.querySelectorAll('img')));
  }
  // New images and any font face the new text needs must be ready before the page is measured.
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  await document.fonts.ready;
  return true;

  /** Paged.js's handlers mark parsed content for the CSS rules its polisher rewrote (`p + p` becomes
   *  `[data-following*=…]`, nth-of-type, breaks): run them on the new grid, in its place in the page. */
  async function afterParsed(grid: Element): Promise<void> {
    type Hook = { trigger(...args: unknown[]): Promise<unknown> };
    const chunker = (globalThis as { PagedPolyfill?: { chunker?: { hooks?: { afterParsed?: Hook } } } })
      .PagedPolyfill?.chunker;
    await chunker?.hooks?.afterParsed?.trigger(grid, chunker);
  }

  /** Paged.js's filters (modules/filters/whitespace.js, comments.js) as the build ran them: a run of
   *  whitespace between inline boxes is one space, at either end of its parent none; comments go. */
  function likePagedJs(root: Node): void {
    const ignorable = (n: Node) =>
      n.nodeType === Node.COMMENT_NODE ||
      (n.nodeType === Node.TEXT_NODE && !/[^\t\n\r ]/.test(n.textContent ?? ''));
    const significant = (n: Node, step: (x: Node) => Node | null) => {
      for (let x = step(n); x; x = step(x)) if (!ignorable(x)) return x;
      return null;
    };
    const drop: Node[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.COMMENT_NODE) drop.push(n);
      else if ((n.textContent ?? '').length > 1 && ignorable(n) && !n.parentElement?.closest('pre')) {
        const before = significant(n, (x) => x.previousSibling);
        const after = significant(n, (x) => x.nextSibling);
        if (before && after) n.textContent = ' ';
        else if (!before && !after) n.textContent = ' ';
        else drop.push(n);
      }
    }
    for (const n of drop) n.parentNode?.removeChild(n);
  }
}

export interface PageState {
  /** Newspaper page numbers the printed page shows. */
  numbers: number[];
  /** The fitted state of what shows on it: rows, and every visible module's settings and paragraphs. */
  fit: string;
  /** Whether one of the named modules shows on it. */
  shows: boolean;
}

/** One entry per printed (Paged.js) page; compared before and after a change to re-print only what moved. */
export function pageStatesInPage(keys: string[]): PageState[] {
  const hosts = Array.from(document.querySelectorAll('.pagedjs_page'));
  return hosts.map((host, index) => {
    const parts: string[] = [];
    let shows = false;
    for (const grid of Array.from(host.querySelectorAll<HTMLElement>('.np-grid'))) {
      parts.push(grid.style.cssText);
      for (const m of Array.from(grid.querySelectorAll<HTMLElement>(':scope > .module'))) {
        if (!visible(m)) continue;
        const key = m.dataset['module'] ?? '';
        if (keys.includes(key)) shows = true;
        const paras = Array.from(m.querySelectorAll<HTMLElement>('p')).map((p) => p.style.cssText);
        parts.push(`${key}|${m.style.cssText}|${paras.join('|')}`);
      }
    }
    return { numbers: numbersOf(host, index), fit: parts.join('\n'), shows };
  });

  /** Whether the module shows on its page: the half of a cut spread it is not on is clipped away. */
  function visible(el: Element): boolean {
    const clip = (el.closest('.np-page') ?? el.closest('.pagedjs_page'))!.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return Math.min(r.right, clip.right) > Math.max(r.left, clip.left);
  }

  /** A page carries its number; a spread printed whole carries both of its sheet's numbers. */
  function numbersOf(host: Element, index: number): number[] {
    const page = host.querySelector<HTMLElement>('.np-page');
    const sheet = host.querySelector<HTMLElement>('.np-sheet.np-spread');
    const list =
      !page?.classList.contains('np-cut') && sheet ? sheet.dataset['pages'] : page?.dataset['page'];
    const numbers = (list ?? '')
      .split(',')
      .map(Number)
      .filter((n) => n > 0);
    return numbers.length ? numbers : [index + 1];
  }
}

/** The fitted pages as a static document (the preview serves it): what Paged.js laid out and the fit stage
 *  set, without the scripts that paginated it; relative URLs resolve against whoever serves it. */
export function snapshotInPage(): string {
  const doc = document.documentElement.cloneNode(true) as HTMLElement;
  // The <base> Paged.js was given points at the edition folder on disk; a server serves it from its root.
  for (const el of Array.from(doc.querySelectorAll('script, base'))) el.remove();
  return `<!doctype html>\n${doc.outerHTML}`;
}
