/**
 * Where a fact stated in a document applies. A fact holds from where it is
 * stated to the end of its section (a Markdown heading, a LaTeX \section and
 * its relatives; a section ends at the next heading of the same or a higher
 * level), never before; a fact stated before the first heading holds to the
 * end of the document. A fact in a hypothetical sentence ("when the model is
 * perfect, $\hat y = y$", "if $x < 0$ …") holds only to the end of that
 * sentence, including display math that continues the sentence.
 *
 *     const s = documentScopes(source, 'markdown', segments);
 *     s.sectionEnd(120)         // offset of the next heading of the same or a higher level
 *     s.hypotheticalEnd(seg)    // the end of the sentence for math inside "if … then …"
 */
import { blockAt, itemBlocks, type ItemBlock } from './item-blocks.js';
import type { Segment } from './segments.js';

export interface Heading {
  readonly offset: number;
  /** 1 = the highest level (# or \part/\chapter/\section as the document uses them). */
  readonly level: number;
}

/**
 * ATX (`## Title`) and setext (`Title` over `===`/`---`) headings, line by
 * line, outside fenced code and `$$` blocks (one pass; the document was
 * already parsed once for its math, and a second parse would double the time).
 */
function markdownHeadings(source: string): Heading[] {
  const out: Heading[] = [];
  let fence: string | undefined;
  let math = false;
  let lineStart = 0;
  let prev: { offset: number; text: string; paragraph: boolean } | undefined;
  for (const line of source.split('\n')) {
    const offset = lineStart;
    lineStart += line.length + 1;
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== undefined) {
      if (f !== null && (f[1] ?? '').startsWith(fence)) fence = undefined;
      prev = undefined;
      continue;
    }
    if (f !== null) {
      fence = f[1];
      prev = undefined;
      continue;
    }
    if (/^ {0,3}\$\$/.test(line)) {
      // A $$ line opens or closes a display block (or is one: $$ a = b $$).
      const whole = /^ {0,3}\$\$.*\S.*\$\$\s*$/.test(line);
      if (!whole) math = !math;
      prev = undefined;
      continue;
    }
    if (math) continue;
    const atx = /^ {0,3}(#{1,6})(?:[ \t]|$)/.exec(line);
    if (atx !== null) {
      out.push({ offset, level: (atx[1] ?? '#').length });
      prev = undefined;
      continue;
    }
    const setext = /^ {0,3}(=+|-+)[ \t]*$/.exec(line);
    if (setext !== null && prev !== undefined && prev.paragraph) {
      out.push({ offset: prev.offset, level: (setext[1] ?? '=').startsWith('=') ? 1 : 2 });
      prev = undefined;
      continue;
    }
    prev = { offset, text: line, paragraph: line.trim() !== '' && !/^ {0,3}([-*+>]|\d+[.)])\s/.test(line) };
  }
  return out;
}

const TEX_LEVELS: Readonly<Record<string, number>> = { part: 1, chapter: 2, section: 3, subsection: 4, subsubsection: 5 };

function texHeadings(source: string): Heading[] {
  const out: Heading[] = [];
  let lineStart = 0;
  for (const line of source.split('\n')) {
    // Cut the comment: the first % not escaped by a backslash.
    const m = /(^|[^\\])%/.exec(line);
    const text = m === null ? line : line.slice(0, m.index + (m[1] ?? '').length);
    for (const h of text.matchAll(/\\(part|chapter|section|subsection|subsubsection)\*?\s*[[{]/g)) {
      out.push({ offset: lineStart + (h.index ?? 0), level: TEX_LEVELS[h[1] ?? 'section'] ?? 3 });
    }
    lineStart += line.length + 1;
  }
  return out;
}

/** Words that make a sentence a hypothetical, not a statement of fact. */
const HYPOTHETICAL = /\b(if|iff|when|case|whenever|unless|otherwise|in case|provided|say|e\.g|for example|for instance|were|would|suppose|supposing)\b/i;
/** Words that start the next case of a case split. */
/** Prose right before inline math that makes it a local condition: "for $z > 0$ we have …". */
const FOR_BEFORE = /\bfor\s*(?:\$|\\\()\s*$/i;
/** …and a sentence that opens with a quantified one: "For all $x > 0$: …" (after a claim, "… for every $x > 0$" states the claim's domain). */
const FOR_ALL_OPENING = /^\s*for\s+(?:all|every|any|each)\s+(?:real\s+|positive\s+)?(?:\$|\\\()\s*$/i;
/** …when what follows states a claim under it. */
const CLAIM_AFTER = /^\s*(?:\$|\\\))?\s*(?:[,:]|we\s+(?:have|get|obtain|find)|one\s+(?:has|gets)|it\s+holds|holds|the\s)/i;
const CASE_START = /\b(if|when|case|whenever|unless|otherwise|in case|suppose|supposing)\b/;
/** "Suppose $x > 0$." states an assumption; "suppose $x > 0$, then …" is a hypothetical. */
const SUPPOSE_ONLY = /\b(suppose|supposing)\b/i;

/** Prose with no math but more values (`, $b = -1$ and $y = 0$.`): what may follow a section's setup values in their paragraph. */
function onlyValues(text: string): boolean {
  if (/\$\$|\\\[|\\begin\{/.test(text)) return false;
  for (const m of text.matchAll(/\$([^$]*)\$|\\\(([^]*?)\\\)/g)) {
    const math = m[1] ?? m[2] ?? '';
    if (/[=<>]|\\(?:le|ge|leq|geq|approx|ne|neq)(?![A-Za-z])/.test(math) && !isValueMath(math)) return false;
  }
  return true;
}

/** `w = 2`, `\\eta = 0.25`, `z = (0, \\ln 3)`, `(w_1, w_2) = (2, 1)`: names given numbers (no letter on the right but in commands). */
function isValueMath(math: string): boolean {
  const parts = math.split('=');
  if (parts.length !== 2 || /[<>]/.test(math)) return false;
  const [lhs = '', rhs = ''] = parts;
  return /^\s*(?:\\?[A-Za-z]+(?:_\{?\w+\}?)?|\((?:\s*\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*,?)+\))\s*$/.test(lhs) && !/[A-Za-z]/.test(rhs.replace(/\\[A-Za-z]+/g, ''));
}

export interface Scopes {
  /** The end of the section that contains `offset` (the source length when it is the last). */
  sectionEnd(offset: number): number;
  /** The start of the section that contains `offset` (0 before the first heading). */
  sectionStart(offset: number): number;
  /** The end of the section one level above the one containing `offset` (a \subsection's \section; the source length at the top). */
  parentSectionEnd(offset: number): number;
  /**
   * Where a fact in a hypothetical sentence ("if …", "when …") stops: the end
   * of the sentence, or the next "if" of a case split; undefined when the
   * sentence is not hypothetical.
   */
  hypotheticalEnd(seg: Segment): number | undefined;
  /** The end of the sentence the segment is in, display math continuing it included. */
  sentenceEnd(seg: Segment): number;
  /**
   * Where a worked example that gives values at `offset` ends (see
   * worked-example.ts; the math giving them ends at `end`): the end of the
   * section when the values are given in the section's first paragraph and
   * nothing but more values follows them there (its setup: "starting from
   * $w_0 = 0$ with step size $\eta = 0.25$."; "At $x = 0$: $\sigma'(x) = …$"
   * is an example, not a setup); otherwise the end of the paragraph, carried
   * over display math that follows it and over a paragraph that continues
   * its sentence (starting in lower case: "and its gradient is …"), and cut
   * at a LaTeX \paragraph{…} heading.
   */
  exampleEnd(offset: number, end: number): number;
  /** The example, exercise or proof holding `offset` (item-blocks.ts): its facts stay inside it. */
  blockAt(offset: number): ItemBlock | undefined;
}

export function documentScopes(source: string, kind: 'markdown' | 'tex', segments: readonly Segment[]): Scopes {
  const headings = kind === 'markdown' ? markdownHeadings(source) : texHeadings(source);
  const blocks = itemBlocks(source, kind);
  // Which math segment covers each character (-1 for prose).
  const owner = new Int32Array(source.length).fill(-1);
  const maths = segments.filter((s): s is Extract<Segment, { kind: 'math' }> => s.kind === 'math');
  maths.forEach((s, i) => {
    for (let k = s.offset; k < Math.min(source.length, s.offset + s.text.length); k++) owner[k] = i;
  });
  const isProse = (k: number): boolean => owner[k] === -1 && source[k] !== '$';
  // (The full stop of an abbreviation, "e.g. $x = 2$ gives …", does not end the sentence.)
  const terminator = (k: number): boolean =>
    isProse(k) &&
    /[.?!]/.test(source[k] ?? '') &&
    // …followed by a blank, or by a closing bracket or quote and a blank ("(If we had $w = 0$, … constant.)").
    /^(?:[)\]"'’”]?)(?:\s|$)/.test(source.slice(k + 1, k + 3)) &&
    !/(?:^|[^A-Za-z])(?:e\.g|i\.e|cf|vs|resp)$/i.test(source.slice(Math.max(0, k - 6), k));
  /** A blank line starts at k (k is a newline followed by a line of blanks and another newline). */
  const blankLineAt = (k: number): number | undefined => {
    if (source[k] !== '\n') return undefined;
    const m = /^\n[ \t]*\n\s*/.exec(source.slice(k, k + 200));
    return m === null ? undefined : k + m[0].length;
  };

  /** The end of the paragraph holding `offset`: the next blank line, or the end of the source. */
  const paragraphEndAt = (offset: number): number => {
    const m = /\n[ \t]*\n/.exec(source.slice(offset));
    return m === null ? source.length : offset + m.index;
  };

  const containing = (offset: number): number => {
    let idx = -1;
    for (let i = 0; i < headings.length; i++) if ((headings[i] as Heading).offset <= offset) idx = i;
    return idx;
  };

  const sentenceStart = (seg: Segment): number => {
    for (let k = seg.offset - 1; k >= 0; k--) {
      if (terminator(k)) return k + 1;
      if (source[k] === '\n' && /\n[ \t]*$/.test(source.slice(Math.max(0, k - 200), k))) return k + 1;
    }
    return 0;
  };

  const sentenceEnd = (seg: Segment): number => {
    let k = seg.offset + (seg.kind === 'math' ? seg.text.length : 0);
    // The sentence's last words were display math ("When $z > 0$, $$\sigma(z) > 1/2$$" without a period).
    let afterDisplay = seg.kind === 'math' && seg.display;
    const skipClose = (at: number): number => at + (/^[ \t]*\n?[ \t]*(?:\$\$|\\\]|\\end\s*\{[A-Za-z*]+\})/.exec(source.slice(at, at + 40))?.[0].length ?? 0);
    if (afterDisplay) k = skipClose(k);
    while (k < source.length) {
      const o = owner[k] ?? -1;
      if (o >= 0) {
        const m = maths[o];
        if (m === undefined) break;
        const end = m.offset + m.text.length;
        if (m.display && /[.?!]\s*$/.test(m.text)) return end;
        afterDisplay = m.display;
        k = Math.max(m.display ? skipClose(end) : end, k + 1);
        continue;
      }
      if (terminator(k)) return k + 1;
      const next = blankLineAt(k);
      if (next !== undefined) {
        // A paragraph break after display math ends the sentence: the next display is another claim.
        if (afterDisplay) return k;
        // A paragraph break ends the sentence, unless display math continues it ("we have" and a blank line).
        const display = maths.find((m) => m.display && m.offset >= next && /^(\$\$|\\\[|\\begin\{[A-Za-z*]+\})?\s*$/.test(source.slice(next, m.offset)));
        if (display === undefined) return k;
        k = display.offset;
        continue;
      }
      if (!/\s/.test(source[k] ?? ' ')) afterDisplay = false;
      k++;
    }
    return source.length;
  };

  const proseOf = (from: number, to: number): string => {
    let out = '';
    for (let k = from; k < to; k++) out += isProse(k) ? source[k] : ' ';
    return out;
  };

  const sectionEndAt = (offset: number): number => {
    const i = containing(offset);
    if (i < 0) return source.length;
    const level = (headings[i] as Heading).level;
    for (let j = i + 1; j < headings.length; j++) if ((headings[j] as Heading).level <= level) return (headings[j] as Heading).offset;
    return source.length;
  };

  return {
    sectionEnd: sectionEndAt,
    parentSectionEnd(offset) {
      const i = containing(offset);
      if (i < 0) return source.length;
      const level = (headings[i] as Heading).level;
      for (let j = i - 1; j >= 0; j--) if ((headings[j] as Heading).level < level) return sectionEndAt((headings[j] as Heading).offset);
      return source.length;
    },
    sectionStart(offset) {
      const i = containing(offset);
      return i < 0 ? 0 : (headings[i] as Heading).offset;
    },
    hypotheticalEnd(seg) {
      const start = sentenceStart(seg);
      const end = sentenceEnd(seg);
      const prose = proseOf(start, end);
      // "for $z > 0$ we have …": a condition of this sentence's claim, not a fact for the section.
      const segEnd = seg.offset + (seg.kind === 'math' ? seg.text.length : 0);
      // (a condition: an inequality; "For $f = \tanh$, …" defines f from there on).
      const inequality = seg.kind === 'math' && /[<>]|\\(?:le|ge|leq|geq|lt|gt|ne|neq)(?![A-Za-z])/.test(seg.text);
      const opening = FOR_BEFORE.test(source.slice(Math.max(0, seg.offset - 16), seg.offset)) || FOR_ALL_OPENING.test(source.slice(start, seg.offset));
      if (inequality && opening && CLAIM_AFTER.test(source.slice(segEnd, Math.min(end, segEnd + 40)))) return end;
      const m = HYPOTHETICAL.exec(prose);
      if (m === null) return undefined;
      if (SUPPOSE_ONLY.test(m[0]) && !/\bthen\b/i.test(prose) && HYPOTHETICAL.exec(prose.replace(/\b(suppose|supposing)\b/gi, ' ')) === null) return undefined;
      // A case split ("if x < 0 then …, and if x >= 0 then …"): each case ends where the next begins.
      const after = seg.offset + (seg.kind === 'math' ? seg.text.length : 0) - start;
      const next = new RegExp(CASE_START.source, 'gi');
      next.lastIndex = Math.max(0, after);
      const n = next.exec(prose);
      return n === null ? end : start + n.index;
    },
    sentenceEnd,
    exampleEnd(offset, end) {
      const i = containing(offset);
      const section = sectionEndAt(offset);
      // The section's first paragraph: no blank line between the heading (with a setext underline) and the values.
      const headingEnd = i < 0 ? 0 : source.indexOf('\n', (headings[i] as Heading).offset) + 1;
      const before = source.slice(headingEnd, offset).replace(/^[ \t]*(?:=+|-+)[ \t]*\n/, '').replace(/^\s+/, '');
      // A LaTeX \paragraph{…} (or \subparagraph) starts a new run-in section.
      const runIn = /\\(?:sub)?paragraph\*?\s*\{/g;
      runIn.lastIndex = offset;
      const cut = runIn.exec(source)?.index ?? Infinity;
      const paragraph = paragraphEndAt(offset);
      if (!/\n[ \t]*\n/.test(before) && onlyValues(source.slice(end, paragraph).replace(/^(?:\$|\\\))/, ''))) return Math.min(section, cut);
      // A paragraph of nothing but values ("At $(w_1, w_2) = (2, 1)$:") heads the rest of its section.
      const blank = [...source.slice(headingEnd, offset).matchAll(/\n[ \t]*\n/g)].pop();
      const paragraphStart = blank === undefined ? headingEnd : headingEnd + (blank.index ?? 0) + blank[0].length;
      if (onlyValues(source.slice(paragraphStart, paragraph))) return Math.min(section, cut);
      let last = paragraph;
      while (last < section) {
        const rest = source.slice(last, Math.min(section, last + 400));
        const next = /^\s*/.exec(rest)?.[0].length ?? 0;
        const start = rest.slice(next);
        // Display math after the paragraph, or a paragraph that continues its sentence.
        if (!/^(?:\$\$|\\\[|\\begin\{(?!itemize|enumerate|description)[A-Za-z*]+\}|[a-z])/.test(start)) break;
        last = paragraphEndAt(last + next + 1);
      }
      return Math.min(last, section, cut);
    },
    blockAt: (offset) => blockAt(blocks, offset),
  };
}
