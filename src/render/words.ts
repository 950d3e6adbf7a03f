// Labels break only between words: Intl.Segmenter finds the word boundaries, a <wbr> marks each, and the
// label's CSS (word-break: keep-all) forbids every other break between Chinese characters.
import Handlebars from 'handlebars';

const segmenter = new Intl.Segmenter('zh-Hans', { granularity: 'word' });

export function words(text: unknown): Handlebars.SafeString {
  const s = typeof text === 'string' ? text : String(text ?? '');
  const parts = [...segmenter.segment(s)].map((p) => Handlebars.escapeExpression(p.segment));
  return new Handlebars.SafeString(`<span class="words">${parts.join('<wbr>')}</span>`);
}
