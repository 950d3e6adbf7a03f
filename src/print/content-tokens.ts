// A small PDF content-stream tokenizer: enough to find colour, font and text operators safely.
// Strings, hex strings, comments and inline image data are skipped as units so their bytes are never
// mistaken for operators. Input is a latin1 string so byte offsets equal string offsets.

export type TokenKind = 'num' | 'name' | 'str' | 'op' | 'open' | 'close';

export interface Token {
  kind: TokenKind;
  /** Numbers, names (without '/') and operators; '' for strings and brackets. */
  value: string;
  start: number;
  end: number;
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));

function regularEnd(s: string, i: number): number {
  while (i < s.length && !WS.has(s.charCodeAt(i)) && !DELIM.has(s.charCodeAt(i))) i++;
  return i;
}

function literalStringEnd(s: string, i: number): number {
  let depth = 0;
  for (; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return s.length;
}

/** Inline image data runs from after `ID` and one white-space byte to an `EI` between white space. */
function inlineImageEnd(s: string, i: number): number {
  const re = /\sEI(?=[\s]|$)/g;
  re.lastIndex = i + 1;
  const m = re.exec(s);
  return m ? m.index + m[0].length : s.length;
}

export function* tokenize(s: string): Generator<Token> {
  let i = 0;
  while (i < s.length) {
    const code = s.charCodeAt(i);
    const c = s[i];
    if (WS.has(code)) {
      i++;
    } else if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '(') {
      const end = literalStringEnd(s, i);
      yield { kind: 'str', value: '', start: i, end };
      i = end;
    } else if (c === '<' && s[i + 1] === '<') {
      yield { kind: 'open', value: '<<', start: i, end: i + 2 };
      i += 2;
    } else if (c === '>' && s[i + 1] === '>') {
      yield { kind: 'close', value: '>>', start: i, end: i + 2 };
      i += 2;
    } else if (c === '<') {
      const end = s.indexOf('>', i) + 1 || s.length;
      yield { kind: 'str', value: '', start: i, end };
      i = end;
    } else if (c === '[' || c === '{') {
      yield { kind: 'open', value: c, start: i, end: i + 1 };
      i++;
    } else if (c === ']' || c === '}' || c === '>' || c === ')') {
      yield { kind: 'close', value: c, start: i, end: i + 1 };
      i++;
    } else if (c === '/') {
      const end = regularEnd(s, i + 1);
      yield { kind: 'name', value: s.slice(i + 1, end), start: i, end };
      i = end;
    } else {
      const end = regularEnd(s, i);
      const word = s.slice(i, end);
      const kind: TokenKind = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) ? 'num' : 'op';
      yield { kind, value: word, start: i, end };
      i = end;
      if (word === 'ID') {
        const eiEnd = inlineImageEnd(s, i);
        yield { kind: 'op', value: 'EI', start: eiEnd - 2, end: eiEnd };
        i = eiEnd;
      }
    }
  }
}

/** Operators with their operands, the shape every scanner here wants. */
export interface Operation {
  op: string;
  operands: Token[];
  start: number;
  end: number;
}

export function* operations(s: string): Generator<Operation> {
  let operands: Token[] = [];
  let depth = 0;
  for (const t of tokenize(s)) {
    if (t.kind === 'open') depth++;
    if (t.kind === 'close') depth = Math.max(0, depth - 1);
    // Operators only occur at depth 0; inside arrays/dicts everything is an operand.
    if (t.kind !== 'op' || depth > 0) {
      operands.push(t);
      continue;
    }
    const start = operands[0]?.start ?? t.start;
    yield { op: t.value, operands, start, end: t.end };
    operands = [];
  }
}
