/**
 * Blocks a fact must not leak out of: course notes put several independent
 * examples, exercises and problems in one section, and "Let $x > 0$" in
 * Example 1 says nothing about Example 2 ("In general $\log(x^2) = 2\log x$
 * is false"). A block is a LaTeX environment such as `example`, `exercise`,
 * `problem`, `proof`, a list `\item`, a `\paragraph{Exercise 3.}`, or in Markdown a paragraph that opens with a bold or
 * plain label ("**Example 2.**", "Exercise 3:") up to the next such label or
 * heading. Facts stated inside a block hold to its end; after it they are
 * only doubtful (fact-ledger.ts), never used to prove anything.
 *
 *     itemBlocks('**Example 1.** Let $x > 0$ …\n\n**Example 2.** …', 'markdown')
 *     // [{ start: 0, end: 30, name: 'Example 1' }, { start: 30, end: 46, name: 'Example 2' }]
 */

export interface ItemBlock {
  readonly start: number;
  readonly end: number;
  /** "example", "Exercise 2": for messages. */
  readonly name: string;
}

/** LaTeX environments whose facts stay inside (a `definition` environment's facts do not: they are meant to carry). */
const TEX_BLOCKS = /^(example|examples|exercise|exercises|problem|question|solution|proof|remark)\*?$/;

/** A Markdown paragraph that opens a labelled item: "**Example 2.**", "*Exercise 3*:", "Problem 1." */
const MARKDOWN_LABEL = /^ {0,3}(?:\*\*|__|\*|_)?\s*((?:Example|Exercise|Problem|Question)(?:\s+\d+(?:\.\d+)*[a-z]?)?)\s*[.:)]?\s*(?:\*\*|__|\*|_)?\s*[.:)]?(?=\s|$)/;

function texBlocks(source: string): ItemBlock[] {
  const out: ItemBlock[] = [];
  const open: { name: string; start: number }[] = [];
  // Comments cut: an environment named in a comment is not one.
  const text = source.replace(/(^|[^\\])%[^\n]*/g, (m, pre: string) => pre + ' '.repeat(m.length - pre.length));
  for (const m of text.matchAll(/\\(begin|end)\s*\{([A-Za-z*]+)\}/g)) {
    const name = m[2] ?? '';
    if (!TEX_BLOCKS.test(name)) continue;
    const at = m.index ?? 0;
    if (m[1] === 'begin') {
      open.push({ name, start: at });
      continue;
    }
    const k = open.map((o) => o.name).lastIndexOf(name);
    if (k < 0) continue;
    const o = open[k] as { name: string; start: number };
    open.splice(k);
    out.push({ start: o.start, end: at + m[0].length, name: o.name });
  }
  // \item of a list (to the next \item or the list's end) and \paragraph{Exercise 3.} (to the next labelled
  // paragraph or sectioning command): each is a block too.
  const marks = [...text.matchAll(/\\item\b|\\end\s*\{(?:enumerate|itemize|description)\}|\\paragraph\*?\s*\{\s*((?:Example|Exercise|Problem|Question)[^}]*)\}|\\(?:part|chapter|section|subsection|subsubsection)\b/g)];
  marks.forEach((m, i) => {
    const opens = m[0].startsWith('\\item') || m[1] !== undefined;
    if (!opens) return;
    const item = m[0].startsWith('\\item');
    const next = marks.slice(i + 1).find((n) => (item ? !n[0].startsWith('\\paragraph') : !n[0].startsWith('\\item') && !n[0].startsWith('\\end')));
    out.push({ start: m.index ?? 0, end: next?.index ?? source.length, name: item ? 'list item' : (m[1] ?? 'paragraph').trim() });
  });
  return out;
}

function markdownBlocks(source: string): ItemBlock[] {
  const out: ItemBlock[] = [];
  let current: { start: number; name: string } | undefined;
  let lineStart = 0;
  let previousBlank = true;
  let fence: string | undefined;
  const close = (at: number): void => {
    if (current !== undefined) out.push({ start: current.start, end: at, name: current.name });
    current = undefined;
  };
  for (const line of source.split('\n')) {
    const offset = lineStart;
    lineStart += line.length + 1;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined || f !== null) {
      if (fence === undefined) fence = f?.[1];
      else if (f !== null && (f[1] ?? '').startsWith(fence)) fence = undefined;
      previousBlank = false;
      continue;
    }
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) close(offset);
    const label = previousBlank ? MARKDOWN_LABEL.exec(line) : null;
    if (label !== null) {
      close(offset);
      current = { start: offset, name: label[1] ?? 'item' };
    }
    previousBlank = line.trim() === '';
  }
  close(source.length);
  return out;
}

export function itemBlocks(source: string, kind: 'markdown' | 'tex'): ItemBlock[] {
  return kind === 'tex' ? texBlocks(source) : markdownBlocks(source);
}

/** The innermost block holding `offset`, if any. */
export function blockAt(blocks: readonly ItemBlock[], offset: number): ItemBlock | undefined {
  let best: ItemBlock | undefined;
  for (const b of blocks) if (b.start <= offset && offset < b.end && (best === undefined || b.start >= best.start)) best = b;
  return best;
}
