/**
 * How wide a piece of math-mode LaTeX comes out, estimated in em of the
 * surrounding font, so that a display can be broken before TeX reports an
 * overfull line. The glyph widths are Computer Modern's (cmmi, cmr, cmsy,
 * cmex: TeXbook appendix F) rounded up; the spacing around binary operators
 * and relations is TeX's medium and thick spaces (TeXbook ch. 18: 4/18 and
 * 5/18 em); fractions, scripts and big operators follow TeX's style changes
 * (display → text → script 70% → scriptscript 50%). It errs wide: a line
 * broken too early is a matter of taste, a line broken too late runs into
 * the margin. tests/document/overfull.test.ts holds it to pdflatex's log.
 *
 *     estimateMathWidth('x + y') // ≈ 2.3 (two letters and a spaced plus)
 */
import { parseMathTree, type MathNode } from './latex-math-tree.js';

interface Style {
  /** Font size relative to the text: 1, 0.7 (scripts), 0.5 (scripts of scripts). */
  readonly scale: number;
  /** Display style: big operators take their limits above and below, fractions keep the text size. */
  readonly display: boolean;
}

const DISPLAY: Style = { scale: 1, display: true };

const MED = 4 / 18;
const THICK = 5 / 18;
const THIN = 3 / 18;

const BINARY = new Set(['+', '-', '*', '\\cdot', '\\times', '\\pm', '\\mp', '\\odot', '\\circ', '\\otimes', '\\oplus', '\\setminus', '\\cup', '\\cap', '\\wedge', '\\vee', '\\ast', '\\bullet', '/']);
const RELATION = new Set(['=', '<', '>', '\\le', '\\leq', '\\ge', '\\geq', '\\ne', '\\neq', '\\approx', '\\equiv', '\\sim', '\\simeq', '\\propto', '\\in', '\\notin', '\\subset', '\\subseteq', '\\to', '\\mapsto', '\\rightarrow', '\\leftarrow', '\\mid', '\\coloneqq', '\\models']);
const WIDE_RELATION = new Set(['\\Rightarrow', '\\Leftarrow', '\\iff', '\\implies', '\\impliedby', '\\Leftrightarrow', '\\longrightarrow', '\\longmapsto']);

/** Widths (em) of control sequences that print one glyph or a fixed space. */
const FIXED: Readonly<Record<string, number>> = {
  '\\partial': 0.58, '\\nabla': 0.84, '\\infty': 1.0, '\\ell': 0.42, '\\top': 0.78, '\\bot': 0.78, '\\prime': 0.3, '\\hbar': 0.58, '\\imath': 0.35, '\\jmath': 0.42,
  '\\dots': 1.35, '\\ldots': 1.35, '\\cdots': 1.35, '\\vdots': 0.3, '\\ddots': 1.2, '\\dotsc': 1.35, '\\dotsb': 1.35,
  '\\quad': 1, '\\qquad': 2, '\\,': THIN, '\\:': MED, '\\>': MED, '\\;': THICK, '\\!': -THIN, '\\ ': 0.34, '~': 0.34, '\\enspace': 0.5,
  '\\{': 0.5, '\\}': 0.5, '\\langle': 0.39, '\\rangle': 0.39, '\\lVert': 0.5, '\\rVert': 0.5, '\\|': 0.5, '\\vert': 0.28, '\\lvert': 0.28, '\\rvert': 0.28, '\\lfloor': 0.45, '\\rfloor': 0.45, '\\lceil': 0.45, '\\rceil': 0.45,
  '\\big': 0.46, '\\Big': 0.6, '\\bigg': 0.74, '\\Bigg': 0.88, '\\bigl': 0.46, '\\bigr': 0.46, '\\Bigl': 0.6, '\\Bigr': 0.6, '\\biggl': 0.74, '\\biggr': 0.74, '\\Biggl': 0.88, '\\Biggr': 0.88,
  '\\forall': 0.56, '\\exists': 0.56, '\\neg': 0.67, '\\lnot': 0.67, '\\emptyset': 0.5, '\\varnothing': 0.78, '\\star': 0.5, '\\dagger': 0.45, '\\checkmark': 0.85, '\\square': 0.78, '\\triangle': 0.9,
  '\\#': 0.84, '\\%': 0.84, '\\&': 0.78, '\\$': 0.5, '\\_': 0.5,
};

/** Sized delimiters consume the delimiter after them (\Big| is one glyph). */
const SIZED = new Set(['\\big', '\\Big', '\\bigg', '\\Bigg', '\\bigl', '\\bigr', '\\Bigl', '\\Bigr', '\\biggl', '\\biggr', '\\Biggl', '\\Biggr', '\\bigm', '\\Bigm']);
/** Upright operator names: \log, \exp … (their letters plus a thin space before an argument). */
const OPERATOR_NAME = /^\\(log|ln|exp|sin|cos|tan|sinh|cosh|tanh|sec|csc|cot|arcsin|arccos|arctan|max|min|sup|inf|lim|det|dim|ker|arg|deg|gcd|Pr|tr|sgn|softmax)$/;
/** Big operators: limits below and above in display style. */
const BIG_OPERATOR: Readonly<Record<string, number>> = { '\\sum': 1.45, '\\prod': 1.3, '\\coprod': 1.3, '\\bigcup': 1.16, '\\bigcap': 1.16, '\\int': 0.95, '\\oint': 0.95, '\\iint': 1.6, '\\bigoplus': 1.5, '\\bigotimes': 1.5 };
/** Commands that ignore their argument for width (colours, labels, phantoms of zero width). */
const IGNORED_ARGUMENT = new Set(['\\color', '\\label', '\\vphantom', '\\tag', '\\tag*', '\\nonumber', '\\notag', '\\textcolor']);
/** Accents: as wide as what they sit on. */
const ACCENT = new Set(['\\hat', '\\widehat', '\\tilde', '\\widetilde', '\\bar', '\\overline', '\\underline', '\\vec', '\\dot', '\\ddot', '\\breve', '\\check', '\\acute', '\\grave', '\\mathring', '\\overrightarrow', '\\underbrace', '\\overbrace']);
/** Fonts: letters a little wider than math italic (bold, blackboard, calligraphic, sans). */
const FONT_SCALE: Readonly<Record<string, number>> = { '\\mathbf': 1.2, '\\boldsymbol': 1.2, '\\bm': 1.2, '\\mathbb': 1.3, '\\mathcal': 1.3, '\\mathsf': 1.05, '\\mathtt': 1.05, '\\mathrm': 1.0, '\\mathit': 1.0, '\\mathfrak': 1.2, '\\operatorname': 1.0, '\\mathop': 1.0, '\\mathbin': 1.0, '\\mathrel': 1.0, '\\mathord': 1.0 };
const TEXT_COMMAND = new Set(['\\text', '\\textrm', '\\textnormal', '\\textbf', '\\textit', '\\texttt', '\\mbox', '\\textsf', '\\emph', '\\mathrm']);

/** One character of math italic, roman digits and punctuation (em). */
function charWidth(c: string): number {
  if (/[a-z]/.test(c)) return c === 'm' || c === 'w' ? 0.88 : 0.57;
  if (/[A-Z]/.test(c)) return c === 'M' || c === 'W' ? 1.05 : 0.82;
  if (/[0-9]/.test(c)) return 0.5;
  if (c === '(' || c === ')' || c === '[' || c === ']') return 0.39;
  if (c === '|') return 0.28;
  if (c === '.' || c === "'" || c === '!') return 0.3;
  if (c === ',' || c === ';') return 0.28 + THIN;
  if (c === ':') return 0.28 + 2 * THICK;
  if (c === '&') return 0;
  // Anything else: a Greek letter typed as Unicode, an arrow… rounded up.
  return 0.8;
}

/** Text inside \text{…}: Computer Modern roman, about half an em a letter, capitals wider. */
function textWidth(s: string): number {
  let w = 0;
  for (const c of s.replace(/\\[A-Za-z]+\s*/g, 'xx').replace(/[{}]/g, '')) w += /[A-Z]/.test(c) ? 0.74 : c === ' ' ? 0.34 : /[mw]/.test(c) ? 0.83 : /[il.,;:'!|]/.test(c) ? 0.28 : 0.52;
  return w;
}

const script = (s: Style): Style => ({ scale: s.scale >= 1 ? 0.7 : 0.5, display: false });
const fractionPart = (s: Style): Style => (s.display ? { scale: s.scale, display: false } : script(s));

/** Is a node list tall (a fraction, a big operator with limits, a tall delimited group)? 0 flat, 1 a fraction, 2 nested or a sum with limits. */
export function mathHeight(nodes: readonly MathNode[]): number {
  let h = 0;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as MathNode;
    if (n.kind === 'atom' && (n.text === '\\frac' || n.text === '\\dfrac' || n.text === '\\binom')) {
      const a = nodes[i + 1];
      const b = nodes[i + 2];
      const inner = Math.max(a?.kind === 'group' ? mathHeight(a.body) : 0, b?.kind === 'group' ? mathHeight(b.body) : 0);
      h = Math.max(h, 1 + Math.min(inner, 1));
    } else if (n.kind === 'atom' && n.text in BIG_OPERATOR && (nodes[i + 1]?.text === '_' || nodes[i + 1]?.text === '^')) h = Math.max(h, 2);
    else if (n.kind === 'atom' && n.text === '\\tfrac') h = Math.max(h, 1);
    else if (n.kind === 'group' || n.kind === 'delimited') h = Math.max(h, mathHeight(n.body));
    else if (n.kind === 'env') h = Math.max(h, 2);
  }
  return h;
}

/** The next node after i that is an argument (a group or one atom), or undefined. */
function arg(nodes: readonly MathNode[], i: number): MathNode | undefined {
  return nodes[i];
}

function argWidth(n: MathNode | undefined, s: Style): number {
  if (n === undefined) return 0;
  return n.kind === 'group' ? listWidth(n.body, s) : listWidth([n], s);
}

function envWidth(n: Extract<MathNode, { kind: 'env' }>, s: Style): number {
  const rows = n.body.split(/\\\\/);
  let w = 0;
  for (const row of rows) {
    const cells = row.split('&');
    w = Math.max(w, cells.reduce((acc, c) => acc + listWidth(parseMathTree(c), { scale: s.scale, display: n.name === 'aligned' || n.name === 'align*' }) + 1, 0));
  }
  // cases, pmatrix and friends have brackets and column gaps.
  return w + (/matrix|cases/.test(n.name) ? 1.2 : 0);
}

/** Width in em of a node list in a style. */
function listWidth(nodes: readonly MathNode[], s: Style): number {
  let w = 0;
  let style = s;
  const spaced = style.scale >= 1;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as MathNode;
    if (n.kind === 'group') {
      w += listWidth(n.body, style);
      continue;
    }
    if (n.kind === 'delimited') {
      const h = mathHeight(n.body);
      const d = h === 0 ? 0.39 : h === 1 ? 0.6 : 0.75;
      const delims = (n.open === '.' ? 0 : d) + (n.close === '.' ? 0 : d);
      // An inner atom: a thin space on each side in text and display styles.
      w += listWidth(n.body, style) + delims + (spaced ? 2 * THIN : 0);
      continue;
    }
    if (n.kind === 'env') {
      w += envWidth(n, style);
      continue;
    }
    const t = n.text;
    const sc = style.scale;
    if (t === '^' || t === '_') {
      // A sub- and superscript pair overlaps: take the wider of the two.
      const first = argWidth(arg(nodes, i + 1), script(style));
      let second = 0;
      if (nodes[i + 2]?.kind === 'atom' && (nodes[i + 2]?.text === '^' || nodes[i + 2]?.text === '_') && nodes[i + 2]?.text !== t) {
        second = argWidth(arg(nodes, i + 3), script(style));
        i += 2;
      }
      w += Math.max(first, second) + 0.06 * sc;
      i += 1;
      continue;
    }
    if (t === '\\frac' || t === '\\dfrac' || t === '\\tfrac' || t === '\\binom') {
      const part = t === '\\dfrac' ? { scale: sc, display: false } : t === '\\tfrac' ? script({ scale: sc, display: false }) : fractionPart(style);
      w += Math.max(argWidth(arg(nodes, i + 1), part), argWidth(arg(nodes, i + 2), part)) + 0.25 * sc + (t === '\\binom' ? 0.8 * sc : 0);
      i += 2;
      continue;
    }
    if (t === '\\sqrt') {
      w += 0.85 * sc + argWidth(arg(nodes, i + 1), style);
      i += 1;
      continue;
    }
    if (t in BIG_OPERATOR) {
      const base = (BIG_OPERATOR[t] as number) * (style.display ? 1 : 0.75) * sc;
      let limits = 0;
      let j = i + 1;
      while (nodes[j]?.text === '_' || nodes[j]?.text === '^' || nodes[j]?.text === '\\limits' || nodes[j]?.text === '\\nolimits') {
        if (nodes[j]?.text === '_' || nodes[j]?.text === '^') {
          limits = style.display ? Math.max(limits, argWidth(nodes[j + 1], script(style))) : limits + argWidth(nodes[j + 1], script(style));
          j += 2;
        } else j += 1;
      }
      w += (style.display ? Math.max(base, limits) : base + limits) + THIN * sc;
      i = j - 1;
      continue;
    }
    if (OPERATOR_NAME.test(t)) {
      w += textWidth(t.slice(1)) * sc + (spaced ? THIN : 0);
      continue;
    }
    if (TEXT_COMMAND.has(t)) {
      const a = arg(nodes, i + 1);
      const inner = a === undefined ? '' : a.kind === 'group' ? a.text.slice(1, -1) : a.text;
      w += textWidth(inner) * sc;
      i += 1;
      continue;
    }
    if (t in FONT_SCALE) {
      const a = arg(nodes, i + 1);
      const f = FONT_SCALE[t] as number;
      w += (t === '\\operatorname' ? textWidth(a?.kind === 'group' ? a.text.slice(1, -1) : (a?.text ?? '')) * sc + (spaced ? THIN : 0) : argWidth(a, style) * f);
      i += 1;
      continue;
    }
    if (ACCENT.has(t)) {
      w += argWidth(arg(nodes, i + 1), style);
      i += 1;
      continue;
    }
    if (t === '\\boxed' || t === '\\fbox') {
      w += argWidth(arg(nodes, i + 1), style) + 0.8 * sc;
      i += 1;
      continue;
    }
    if (t === '\\stackrel' || t === '\\overset' || t === '\\underset') {
      w += Math.max(argWidth(arg(nodes, i + 1), script(style)), argWidth(arg(nodes, i + 2), style)) + (spaced ? 2 * THICK : 0);
      i += 2;
      continue;
    }
    if (IGNORED_ARGUMENT.has(t)) {
      if (t === '\\nonumber' || t === '\\notag') continue;
      i += 1;
      if (t === '\\textcolor') {
        w += argWidth(arg(nodes, i + 1), style);
        i += 1;
      }
      continue;
    }
    if (t === '\\displaystyle') {
      style = { scale: sc, display: true };
      continue;
    }
    if (t === '\\textstyle') {
      style = { scale: sc, display: false };
      continue;
    }
    if (t === '\\scriptstyle') {
      style = { scale: 0.7, display: false };
      continue;
    }
    if (SIZED.has(t)) {
      w += (FIXED[t] ?? 0.6) * sc;
      i += 1;
      continue;
    }
    if (t === '\\limits' || t === '\\nolimits' || t === '\\left' || t === '\\right' || t === '\\mathstrut' || t === '\\strut') continue;
    if (BINARY.has(t)) {
      w += (t === '\\circ' || t === '\\bullet' ? 0.5 : t === '/' ? 0.5 : 0.78) * sc + (spaced && t !== '/' ? 2 * MED : 0);
      continue;
    }
    if (RELATION.has(t) || WIDE_RELATION.has(t)) {
      w += (WIDE_RELATION.has(t) ? 1.6 : t === '\\mid' ? 0.28 : t === '\\to' || t === '\\mapsto' || t === '\\rightarrow' || t === '\\leftarrow' ? 1.0 : 0.78) * sc + (spaced ? 2 * THICK : 0);
      continue;
    }
    if (t in FIXED) {
      const f = FIXED[t] as number;
      // Spaces do not shrink in scripts (they are in em of the text font); glyphs do.
      w += /^\\(quad|qquad|,|:|;|!| |enspace)$|^~$|^\\>$/.test(t) ? f : f * sc;
      continue;
    }
    if (/^\\[A-Za-z]+$/.test(t)) {
      // Greek letters and every other symbol: capitals and unknown commands a little wider.
      w += (/^\\[A-Z]/.test(t) ? 0.8 : 0.64) * sc;
      continue;
    }
    if (/^[0-9]/.test(t)) {
      // A number: its digits and point.
      w += [...t].reduce((acc, c) => acc + charWidth(c), 0) * sc;
      continue;
    }
    w += charWidth(t.startsWith('\\') ? t.slice(1) : t) * sc;
  }
  return w;
}

/** Estimated width in em of math-mode LaTeX in display style (the way it stands in a display). */
export function estimateMathWidth(latex: string): number {
  return listWidth(parseMathTree(latex), DISPLAY);
}

/** The same for a node list already read. */
export function nodesWidth(nodes: readonly MathNode[]): number {
  return listWidth(nodes, DISPLAY);
}

/** Estimated width in em of text-mode prose (a tag's text). */
export function estimateTextWidth(text: string): number {
  return textWidth(text);
}
