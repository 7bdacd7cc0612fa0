/**
 * Shapes stated in a checked document, the way course notes state them:
 *
 *     $W \in \mathbb{R}^{m \times n}$, $x, b \in \mathbb{R}^n$      (math)
 *     x is an n-vector; $x$ is a $d$-dimensional vector            (prose)
 *     W is an m×n matrix; $W$ is an $m \times n$ matrix            (prose)
 *
 * Each becomes a declaration in the one shape syntax of
 * src/matrix/shape.ts (`W: m x n`, `x: n`) and holds from where it is
 * stated to the end of the document; a later statement about the same name
 * takes over from there. What cannot be read as a shape (`\mathbb{R}^{n_h}`)
 * is left out: the products it would shape stay undecided.
 *
 *     const shapes = readDocumentShapes(source, segments, scopes);
 *     shapesAt(shapes, offset)   // ShapeContext of the shapes in scope at offset
 */
import { lineCol } from '../parse/index.js';
import { parseShapeDeclaration, ShapeError, type Shape, type ShapeContext } from '../matrix/shape.js';
import type { Scopes } from './scopes.js';
import type { Segment } from './segments.js';

/** A shape stated at `from` (an offset into the document), holding until `to`. */
export interface StatedShape {
  /** The symbol key (W, W^{(1)}). */
  readonly key: string;
  /** The declaration in the shape syntax, for messages: "W: m x n". */
  readonly declaration: string;
  readonly shape: Shape;
  readonly from: number;
  to: number;
  readonly line: number;
  readonly col: number;
}

/** Greek letters that name vectors and matrices (δ ∈ ℝ^m, μ, θ, Σ ∈ ℝ^{n×n}), as their commands. */
const GREEK = String.raw`\\(?:alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|kappa|lambda|mu|nu|xi|pi|rho|sigma|tau|phi|varphi|chi|psi|omega|Sigma|Lambda|Theta|Omega|Phi|Psi|Xi|Gamma|Delta)(?![A-Za-z])`;
/** A name as written: W, \delta, \mathbf{W}, \boldsymbol{x}, \boldsymbol{\mu}, \bm{x}, W^{(1)}, b^{[2]}, W_1, W_{1}, \mathbf{W}_1 (groups: letter, number, layer label). */
const NAME = String.raw`(?:\\(?:mathbf|boldsymbol|bm|vec|mathbit)\s*\{\s*)?(${GREEK}|[A-Za-z])\s*\}?(?:_(?:\{\s*([0-9]+)\s*\}|([0-9])(?![0-9])))?\s*\}?(\^\{\s*[([]\s*[A-Za-z0-9]\s*[)\]]\s*\})?`;
/** The reals: \mathbb{R}, \mathbb R, \R, \reals, \mathbf{R}. */
const REALS = String.raw`(?:\\mathbb\s*\{\s*R\s*\}|\\mathbb\s*R|\\mathbf\s*\{\s*R\s*\}|\\R\b|\\reals\b)`;
/** The exponent of the reals: {m \times n}, {n}, n. */
const EXPONENT = String.raw`\^\s*(?:\{([^{}]*)\}|([A-Za-z0-9]))`;
// Not after a letter, digit, `_` or `}`: the i of x_i \in \mathbb{R}^d is an index, not a vector.
const IN_REALS = new RegExp(String.raw`(?<![A-Za-z0-9_}])((?:${NAME}\s*,\s*)*${NAME})\s*\\in\s*${REALS}\s*${EXPONENT}`, 'g');
const ONE_NAME = new RegExp(NAME, 'g');

/** Math delimiters and blanks around prose words: `$x$ is an $n$-vector`. */
const D = String.raw`\s*\$?\s*`;
const SIZE = String.raw`([A-Za-z]|[1-9][0-9]*)`;
const TIMES = String.raw`\s*(?:\\times|×|x|by)\s*`;
/** "x is an n-vector", "x is a d-dimensional vector", "x is a vector of length n"; "and $y$ a $k$-vector" (in apposition). */
const PROSE_VECTOR = new RegExp(String.raw`(?<![A-Za-z0-9_}\\])\$?\s*${NAME}${D}(?:is\s+)?an?${D}${SIZE}${D}-?\s*(?:dimensional\s+)?(?:column\s+)?vector\b`, 'g');
const PROSE_VECTOR_OF = new RegExp(String.raw`(?<![A-Za-z0-9_}\\])\$?\s*${NAME}${D}is an?\s+(?:column\s+)?vector\s+(?:of|with)\s+(?:length|size|dimension)${D}${SIZE}\b`, 'g');
/** "W is an m×n matrix", "W is an m by n matrix", "W is a matrix of size m x n". */
const PROSE_MATRIX = new RegExp(String.raw`(?<![A-Za-z0-9_}\\])\$?\s*${NAME}${D}is an?${D}${SIZE}${TIMES}${SIZE}${D}(?:real\s+)?matrix\b`, 'g');
const PROSE_MATRIX_OF = new RegExp(String.raw`(?<![A-Za-z0-9_}\\])\$?\s*${NAME}${D}is an?\s+matrix\s+of\s+(?:size|shape)${D}${SIZE}${TIMES}${SIZE}\b`, 'g');

/** The declaration text of one name from the match groups (letter, optional number, optional layer label). */
function nameText(letter: string, index: string | undefined, label: string | undefined): string {
  // \delta is the symbol delta, as the LaTeX reader names it.
  return `${letter.replace(/^\\/, '')}${index === undefined ? '' : `_{${index}}`}${label === undefined ? '' : label.replace(/\s+/g, '')}`;
}

/** The name's groups of a match of NAME starting at group `k`: letter, number (braced or not), label. */
function nameAt(m: RegExpMatchArray, k: number): string {
  return nameText(m[k] as string, m[k + 1] ?? m[k + 2], m[k + 3]);
}

/** `m \times n` -> `m x n`; undefined when it is not one or two sizes. */
function sizeText(exponent: string): string | undefined {
  const t = exponent.replace(/\\times|×|\\cdot/g, ' x ').replace(/\s+/g, ' ').trim();
  return /^[A-Za-z0-9]+(?: x [A-Za-z0-9]+)?$/.test(t) ? t : undefined;
}

interface Found {
  readonly declaration: string;
  readonly offset: number;
}

function inMath(seg: Extract<Segment, { kind: 'math' }>): Found[] {
  const out: Found[] = [];
  for (const m of seg.text.matchAll(IN_REALS)) {
    const size = sizeText(m[m.length - 2] ?? m[m.length - 1] ?? '');
    if (size === undefined) continue;
    for (const n of (m[1] ?? '').matchAll(ONE_NAME)) out.push({ declaration: `${nameAt(n, 1)}: ${size}`, offset: seg.offset + (m.index ?? 0) + (n.index ?? 0) });
  }
  return out;
}

function inProse(source: string): Found[] {
  const out: Found[] = [];
  for (const re of [PROSE_VECTOR, PROSE_VECTOR_OF]) {
    for (const m of source.matchAll(re)) out.push({ declaration: `${nameAt(m, 1)}: ${m[5]}`, offset: m.index ?? 0 });
  }
  for (const re of [PROSE_MATRIX, PROSE_MATRIX_OF]) {
    for (const m of source.matchAll(re)) out.push({ declaration: `${nameAt(m, 1)}: ${m[5]} x ${m[6]}`, offset: m.index ?? 0 });
  }
  return out;
}

/** Every shape the document states, in document order, each with its scope. */
export function readDocumentShapes(source: string, segments: readonly Segment[], scopes: Scopes): StatedShape[] {
  const found: Found[] = [...inProse(source)];
  for (const seg of segments) if (seg.kind === 'math') found.push(...inMath(seg));
  found.sort((a, b) => a.offset - b.offset);
  const out: StatedShape[] = [];
  for (const f of found) {
    let parsed;
    try {
      parsed = parseShapeDeclaration(f.declaration);
    } catch (e) {
      if (e instanceof ShapeError) continue;
      throw e;
    }
    const { key, shape } = parsed;
    const before = out.filter((s) => s.key === key && s.from <= f.offset && f.offset < s.to);
    // Restated with the same shape: nothing changes; with another: the new one takes over from here.
    if (before.some((s) => s.shape.rows === shape.rows && s.shape.cols === shape.cols && s.shape.vector === shape.vector)) continue;
    for (const s of before) s.to = f.offset;
    const lc = lineCol(source, f.offset);
    // A name keeps its shape to the end of the document (a later section's "wrong lines" use the earlier W), until restated.
    out.push({ key, declaration: f.declaration, shape, from: f.offset, to: source.length, line: lc.line, col: lc.col });
  }
  return out;
}

/** The bars of a norm: \|, \Vert, \lVert, \rVert (\left\| and \bigl\| end in one too). */
const NORM_BAR = /\\(?:\||Vert|lVert|rVert)/g;
/** A lower-case letter alone (not a command's, not a script, not followed by an index): the x of ‖x - y‖. */
const BARE_LETTER = /(?<![A-Za-z_^\\])([a-z])(?![A-Za-z_])/g;
const ACCENTED = /\\(?:hat|tilde|bar|dot|ddot|widehat|widetilde|overline|check|breve)\s*\{?\s*[A-Za-z]\s*\}?/g;
const BOLD_LETTER = /\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}/g;

/** The letters written bare inside a norm in `math`, with the offset of the norm. */
function normLetters(math: string): { letter: string; offset: number }[] {
  const bars = [...math.matchAll(NORM_BAR)];
  const out: { letter: string; offset: number }[] = [];
  for (let k = 0; k + 1 < bars.length; k += 2) {
    const open = bars[k] as RegExpMatchArray;
    const close = bars[k + 1] as RegExpMatchArray;
    const from = (open.index ?? 0) + open[0].length;
    // \hat y, \tilde{x}: another symbol than y (left alone); \mathbf{x} is x.
    const inside = math.slice(from, close.index ?? from).replace(ACCENTED, ' ').replace(BOLD_LETTER, '$1').replace(/\\[A-Za-z]+/g, ' ');
    for (const m of inside.matchAll(BARE_LETTER)) out.push({ letter: m[1] as string, offset: open.index ?? 0 });
  }
  return out;
}

/** The size of the vector v from a sum over its entries in the document, \sum_{i=1}^{n} … v_i (the first such sum), or undefined. */
function sumSizeOf(source: string, v: string): { size: string; offset: number } | undefined {
  const sum = /\\sum_\{?\s*([a-z])\s*=\s*[0-9]\s*\}?\s*\^\s*\{?\s*([A-Za-z]|[1-9][0-9]*)\s*\}?/g;
  for (const m of source.matchAll(sum)) {
    const after = source.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 60);
    if (new RegExp(String.raw`(?<![A-Za-z\\])${v}_\{?\s*${m[1]}\b`).test(after)) return { size: m[2] as string, offset: m.index ?? 0 };
  }
  return undefined;
}

/**
 * Vectors the document writes norms of (‖w‖_2^2) without stating their
 * shape: a norm of a letter says it is a vector. Its size is the range of a
 * sum over its entries written in the document (\sum_{i=1}^{n} w_i^2 gives
 * n), else n; the declaration says which, and holds for the whole document.
 * Capitals are left alone (a matrix needs two sizes: state them).
 */
export function impliedNormShapes(source: string, segments: readonly Segment[], stated: readonly StatedShape[], base: ShapeContext = new Map()): StatedShape[] {
  const out: StatedShape[] = [];
  for (const seg of segments) {
    if (seg.kind !== 'math') continue;
    const letters = normLetters(seg.text);
    for (const { letter, offset } of letters) {
      if (base.has(letter) || stated.some((s) => s.key === letter) || out.some((s) => s.key === letter)) continue;
      // h = W x + b written in the document: its definition gives its shape (a guessed n would contradict it).
      if (segments.some((d) => d.kind === 'math' && new RegExp(String.raw`^\s*${letter}\s*=(?!=)`).test(d.text))) continue;
      // ‖h − t‖ with t ∈ ℝ^m: the vectors under one norm have one size.
      const partner = letters.flatMap((o) => (o.offset === offset && o.letter !== letter ? stated.filter((s) => s.key === o.letter && s.shape.vector) : []))[0];
      const from = sumSizeOf(source, letter);
      const size = partner !== undefined ? String(partner.shape.rows) : (from?.size ?? 'n');
      const at = lineCol(source, seg.offset + offset);
      const why = partner !== undefined ? `the size of ${partner.key} under the same norm (${partner.declaration})` : from !== undefined ? `the range of the sum over its entries at line ${lineCol(source, from.offset).line}` : 'no size stated in the document';
      const { key, shape } = parseShapeDeclaration(`${letter}: ${size}`);
      out.push({ key, declaration: `${letter}: ${size} (read as a vector: its norm is taken at line ${at.line}; size ${size}: ${why})`, shape, from: 0, to: source.length, line: at.line, col: at.col });
    }
  }
  return out;
}

const BOLD = String.raw`\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([a-z])\s*\}`;
/** A declared capital, maybe transposed, right before a bold letter: X \mathbf{w}, X^\top \mathbf{y}. */
const MATRIX_TIMES_BOLD = new RegExp(String.raw`(?<![A-Za-z\\])([A-Z])\s*(\^\s*(?:\\top|T|\{\s*(?:\\top|T)\s*\}))?\s*${BOLD}`, 'g');

/**
 * Bold vectors the document multiplies by a declared matrix without stating
 * their size (X \mathbf{w} with X ∈ ℝ^{m×n}, w never declared): the product
 * fixes it (w: n; after X^\top: m). A bold letter is a vector by
 * convention; the declaration says where its size was read, and holds where
 * the matrix's does.
 */
export function impliedProductShapes(source: string, segments: readonly Segment[], stated: readonly StatedShape[], base: ShapeContext = new Map()): StatedShape[] {
  const out: StatedShape[] = [];
  for (const seg of segments) {
    if (seg.kind !== 'math') continue;
    for (const m of seg.text.matchAll(MATRIX_TIMES_BOLD)) {
      const [, capital, transposed, letter] = m as unknown as [string, string, string | undefined, string];
      const at = seg.offset + (m.index ?? 0);
      const matrix = stated.find((s) => s.key === capital && s.from <= at && at < s.to && !s.shape.vector);
      if (matrix === undefined || base.has(letter) || stated.some((s) => s.key === letter) || out.some((s) => s.key === letter)) continue;
      const size = transposed === undefined ? matrix.shape.cols : matrix.shape.rows;
      const { key, shape } = parseShapeDeclaration(`${letter}: ${size}`);
      const lc = lineCol(source, at);
      out.push({ key, declaration: `${letter}: ${size} (read as a vector of size ${size}: \\mathbf{${letter}} is multiplied by ${capital}${transposed === undefined ? '' : '^T'} at line ${lc.line}, ${matrix.declaration})`, shape, from: matrix.from, to: matrix.to, line: lc.line, col: lc.col });
    }
  }
  return out;
}

/**
 * A property of matrices stated in words ("A is symmetric", "W has
 * orthonormal columns"): gradtex samples general matrices, so a
 * counterexample in its scope may not have the property.
 */
export interface StatedProperty {
  readonly word: string;
  readonly from: number;
  readonly to: number;
  readonly line: number;
  /** For a statement of sizes ($h = k = n = 1$): the letters it fixes; it matters only where they are sizes of the shapes. */
  readonly sizes?: readonly string[];
}

/** Math that fixes letters to one whole number, h = k = n = 1: sizes, when the letters size the shapes. */
const SIZE_STATEMENT = /^\s*[A-Za-z](?:\s*=\s*[A-Za-z])*\s*=\s*[0-9]+\s*$/;

/**
 * Statements of sizes in math ("all scalars: $h = k = n = 1$"), in force to
 * the end of their sentence: gradtex samples other sizes, so a
 * counterexample there may not be one at the stated sizes.
 */
function sizeStatements(source: string, scopes: Scopes, segments: readonly Segment[]): StatedProperty[] {
  return segments.flatMap((seg) => {
    if (seg.kind !== 'math' || !SIZE_STATEMENT.test(seg.text)) return [];
    const sizes = [...seg.text.matchAll(/[A-Za-z]/g)].map((m) => m[0]);
    const end = scopes.sentenceEnd(seg);
    // "Let $A, B \in \mathbb{R}^{n \times n}$ with $n = 1$": stated with the shapes it sizes, it holds as long as they do (its section), not only to the full stop.
    const withShapes = scopes.hypotheticalEnd(seg) === undefined && segments.some((o) => o !== seg && o.kind === 'math' && scopes.sentenceEnd(o) === end && [...o.text.matchAll(IN_REALS)].some((m) => sizes.some((z) => new RegExp(`(?<![A-Za-z])${z}(?![A-Za-z])`).test(m[m.length - 2] ?? m[m.length - 1] ?? ''))));
    return [{ word: seg.text.trim(), from: seg.offset, to: withShapes ? scopes.sectionEnd(seg.offset) : end, line: lineCol(source, seg.offset).line, sizes }];
  });
}

const PROPERTY = /\b(symmetric|skew-symmetric|antisymmetric|orthogonal|orthonormal|diagonal|triangular|invertible|nonsingular|non-singular|singular|positive[- ](?:semi-?)?definite|PSD|unitary|idempotent|full[- ]rank|unit[- ](?:length|norm))\b/g;

/**
 * Every property word in the document's prose and math comments, with its
 * scope: to the end of its section, or of its sentence when the sentence is
 * hypothetical ("If $A$ is symmetric, …" says nothing of the lines after it).
 */
export function readMatrixProperties(source: string, scopes: Scopes, segments: readonly Segment[] = []): StatedProperty[] {
  const words = [...source.matchAll(PROPERTY)].map((m): StatedProperty => {
    const from = m.index ?? 0;
    const before = segments.filter((sg) => sg.kind === 'math' && sg.offset < from && scopes.sentenceEnd(sg) > from);
    const seg = before[before.length - 1];
    const hypothetical = seg === undefined ? undefined : scopes.hypotheticalEnd(seg);
    return { word: m[1] as string, from, to: hypothetical ?? scopes.sectionEnd(from), line: lineCol(source, from).line };
  });
  return [...words, ...sizeStatements(source, scopes, segments)];
}

/** The shapes in scope at `offset`, over `base` (the command line's): the document's statement wins. */
export function shapesAt(stated: readonly StatedShape[], offset: number, base: ShapeContext = new Map()): ShapeContext {
  const ctx = new Map(base);
  for (const s of stated) if (s.from <= offset && offset < s.to) ctx.set(s.key, s.shape);
  return ctx;
}

/** The stated shapes in scope at `offset` that name one of `keys`, for the evidence ("W: m x n (line 3)"). */
export function shapesUsed(stated: readonly StatedShape[], offset: number, keys: ReadonlySet<string>): StatedShape[] {
  return stated.filter((s) => s.from <= offset && offset < s.to && keys.has(s.key));
}
