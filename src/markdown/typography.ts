// Chinese line-breaking fixes the browser's rules leave open: a 破折号 (——) never starts a line alone.

/** Keeps each "——" on the line of the character before it, in paragraphs and sub-heads only
 *  (blocks hold SVG text, where an HTML span would not belong). */
export function keepDashesAttached(html: string): string {
  return html.replace(/<(p|h3)>([\s\S]*?)<\/\1>/g, (_m, tag: string, inner: string) => {
    const fixed = inner.replace(/([^\s<>])——/g, '<span class="nobr">$1——</span>');
    return `<${tag}>${fixed}</${tag}>`;
  });
}
