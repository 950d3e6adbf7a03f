// Runs inside the paginated page: finds the modules two renderings differ in, and swaps them in place.
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

export interface Patched {
  /** 0-based indexes of the printed (Paged.js) pages where a replaced module is visible. */
  pages: number[];
  /** Newspaper page numbers of those pages. */
  pageNumbers: number[];
  /** Keys not found in the live page or the new HTML (then the caller re-paginates). */
  missing: string[];
}

/** Replaces every occurrence of each named module in the live paginated DOM with the one from `newHtml`. */
export async function patchModulesInPage(newHtml: string, keys: string[]): Promise<Patched> {
  const doc = new DOMParser().parseFromString(newHtml, 'text/html');
  const hosts = Array.from(document.querySelectorAll('.pagedjs_page'));
  const touched = new Set<number>();
  const missing: string[] = [];
  const images: HTMLImageElement[] = [];
  for (const key of keys) {
    const selector = `.module[data-module="${CSS.escape(key)}"]`;
    const fresh = Array.from(doc.querySelectorAll(selector));
    const live = Array.from(document.querySelectorAll(`.pagedjs_page ${selector}`));
    if (fresh.length === 0 || fresh.length !== live.length) {
      missing.push(key);
      continue;
    }
    live.forEach((old, i) => {
      const node = document.importNode(fresh[i]!, true) as HTMLElement;
      old.replaceWith(node);
      images.push(...Array.from(node.querySelectorAll('img')));
      const host = node.closest('.pagedjs_page');
      if (host && visible(node)) touched.add(hosts.indexOf(host));
    });
  }
  // New images and any font face the new text needs must be ready before the page is printed.
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  await document.fonts.ready;
  const pages = [...touched].sort((x, y) => x - y);
  return { pages, pageNumbers: pages.flatMap((i) => numbersOf(hosts[i]!, i)), missing };

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
