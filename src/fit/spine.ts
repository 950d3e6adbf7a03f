// Runs inside the paginated page (each view of a spread): no character of a headline, kicker or subtitle
// that crosses the fold of a 跨版 sits on the fold, where the binding or the cut would split it. A glyph
// that does is pushed over to the far page, with a gap either side of the fold. Free of imports.

export interface SpineInput {
  /** Clear space kept on each side of the fold (px). */
  gapPx: number;
}

/** Returns how many characters were moved off the fold. */
export function clearSpineInPage(arg: SpineInput): number {
  let moved = 0;
  for (const sheet of Array.from(document.querySelectorAll<HTMLElement>('.np-spread'))) {
    const s = sheet.getBoundingClientRect();
    const fold = s.left + s.width / 2;
    const texts = sheet.querySelectorAll<HTMLElement>(
      '.module-head .headline, .module-head .subtitle, .module-head .kicker',
    );
    for (const el of Array.from(texts)) {
      // Each push re-centres the line, so look again after it; a line has one fold.
      for (let i = 0; i < 4; i++) {
        const hit = onFold(el, fold);
        if (!hit) break;
        const push = document.createElement('span');
        push.className = 'spine-push';
        // Centred text: a margin m before the glyph moves it m/2 right (and what is before it m/2 left);
        // after it, m/2 left. The glyph goes to the nearer side.
        const right = 2 * (fold + arg.gapPx - hit.left);
        const left = 2 * (hit.right - (fold - arg.gapPx));
        if (right <= left) push.style.marginLeft = `${right.toFixed(2)}px`;
        else push.style.marginRight = `${left.toFixed(2)}px`;
        const rest = hit.node.splitText(hit.offset);
        rest.splitText(1);
        rest.replaceWith(push);
        push.appendChild(rest);
        moved++;
      }
    }
  }
  return moved;

  function onFold(el: HTMLElement, fold: number) {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const r = document.createRange();
    for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
      for (let i = 0; i < t.data.length; i++) {
        if (/\s/.test(t.data[i]!)) continue;
        r.setStart(t, i);
        r.setEnd(t, i + 1);
        const b = r.getBoundingClientRect();
        if (b.width && b.left < fold + arg.gapPx && b.right > fold - arg.gapPx)
          return { node: t, offset: i, left: b.left, right: b.right };
      }
    }
    return undefined;
  }
}
