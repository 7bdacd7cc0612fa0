/**
 * Math-mode LaTeX read just far enough to measure and break it: atoms
 * (one character or one control sequence), brace groups, `\left … \right`
 * pairs and `\begin … \end` environments, each with its exact source text,
 * so that a display can be cut between nodes and printed back unchanged.
 * It reads what gradtex prints (src/render/to-latex.ts) and what a user's
 * math looks like after safeMath; anything it does not know is an atom.
 *
 *     parseMathTree('a + \\left(b\\right)^{2}')
 *     // atom a, atom +, delimited ( b ), atom ^, group {2}   (spaces dropped)
 */

export type MathNode =
  | { readonly kind: 'atom'; readonly text: string }
  | { readonly kind: 'group'; readonly text: string; readonly body: readonly MathNode[] }
  | {
      readonly kind: 'delimited';
      readonly text: string;
      /** The delimiter tokens after \left and \right: '(', '\\{', '.', '\\lVert' … */
      readonly open: string;
      readonly close: string;
      readonly body: readonly MathNode[];
      readonly bodyText: string;
    }
  | { readonly kind: 'env'; readonly text: string; readonly name: string; readonly body: string };

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  // A number is one token (0.044715 stays whole); anything else one character or one control sequence.
  const re = /\\[A-Za-z]+\*?|\\.|\s+|[0-9]+(?:\.[0-9]+)?|[\s\S]/gu;
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    if (/^\s+$/.test(m[0])) continue;
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Reads nodes until `stop` says so (a closing brace, a \right) or the end; `i` is advanced in place. */
function readList(src: string, toks: readonly Token[], pos: { i: number }, stop: (t: Token) => boolean): MathNode[] {
  const nodes: MathNode[] = [];
  while (pos.i < toks.length) {
    const t = toks[pos.i] as Token;
    if (stop(t)) return nodes;
    pos.i++;
    if (t.text === '{') {
      const body = readList(src, toks, pos, (x) => x.text === '}');
      const end = pos.i < toks.length ? (toks[pos.i] as Token).end : src.length;
      pos.i++;
      nodes.push({ kind: 'group', text: src.slice(t.start, end), body });
    } else if (t.text === '\\left' && pos.i < toks.length) {
      const open = toks[pos.i] as Token;
      pos.i++;
      const bodyStart = open.end;
      const body = readList(src, toks, pos, (x) => x.text === '\\right');
      const right = toks[pos.i];
      const close = toks[pos.i + 1];
      if (right === undefined || close === undefined) {
        // Unbalanced: keep it as one unbreakable atom.
        nodes.push({ kind: 'atom', text: src.slice(t.start) });
        pos.i = toks.length;
        return nodes;
      }
      pos.i += 2;
      nodes.push({ kind: 'delimited', text: src.slice(t.start, close.end), open: open.text, close: close.text, body, bodyText: src.slice(bodyStart, right.start) });
    } else if (t.text === '\\begin') {
      const name = /^\{([^}]*)\}/.exec(src.slice(t.end).trimStart())?.[1] ?? '';
      const endAt = src.indexOf(`\\end{${name}}`, t.end);
      const stopAt = endAt < 0 ? src.length : endAt + `\\end{${name}}`.length;
      const bodyStart = src.indexOf('}', t.end) + 1;
      nodes.push({ kind: 'env', text: src.slice(t.start, stopAt), name, body: src.slice(bodyStart, endAt < 0 ? src.length : endAt) });
      while (pos.i < toks.length && (toks[pos.i] as Token).start < stopAt) pos.i++;
    } else nodes.push({ kind: 'atom', text: t.text });
  }
  return nodes;
}

export function parseMathTree(src: string): MathNode[] {
  // A stray closing brace at the top stays an atom.
  return readList(src, tokenize(src), { i: 0 }, () => false);
}

/** The source of a node list, spaced the way gradtex prints (TeX ignores spaces in math). */
export function nodesText(nodes: readonly MathNode[]): string {
  let out = '';
  for (const n of nodes) {
    // A control word followed by a letter needs its space (\cdot x, not \cdotx); operators and words read better spaced.
    const needed = /\\[A-Za-z]+$/.test(out) && /^[A-Za-z]/.test(n.text);
    const readable = out !== '' && n.kind !== 'group' && /^[\\A-Za-z0-9+\-=<>]/.test(n.text) && !/[{(^_\s]$/.test(out);
    if (needed || readable) out += ' ';
    out += n.text;
  }
  return out;
}
