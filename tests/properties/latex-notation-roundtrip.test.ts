/**
 * The LaTeX reader reads the notation people choose, not only the one
 * gradtex prints: random trees are printed by src/render, then re-printed
 * with random notation choices that do not change the meaning, and must read
 * back to the same tree (structural equality). The choices:
 *
 * - sized delimiters: \left( … \right) becomes ( … ), \bigl( … \bigr),
 *   \Bigl( … \Bigr), \biggl( … \biggr) or \Biggl( … \Biggr) (also for \{ \}
 *   and bars), pair by pair;
 * - products: a juxtaposition becomes \cdot or \times, a \cdot becomes
 *   \times or \ast (a \cdot the printer needed is never dropped);
 * - \frac becomes \tfrac or \dfrac; \operatorname{ReLU} becomes \text{ReLU},
 *   \mathrm{ReLU} or \textrm{ReLU};
 * - the transpose \top becomes T (on a letter), \intercal, {\mathsf T} or {\top};
 * - a single-letter symbol becomes \mathbf{x}, \boldsymbol{x} or \bm{x};
 * - around any printed tree u: \log_b(u) reads as log u / log b, and
 *   \mathbb{1}[u > v] as the indicator written with the sign of u − v.
 *
 * A failure prints the tree, the printed LaTeX and the re-notated LaTeX.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, call, div, mul, neg, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { children, withChildren } from '../../src/expr/traverse.js';
import { transpose } from '../../src/matrix/matrix-calls.js';
import { parseLatex } from '../../src/parse/index.js';
import { toLatex, toPlain } from '../../src/render/index.js';
import { arbExpr } from './arbitrary-expr.js';

const SEED = 20261204;
const RUNS = 600;

/** A stream of choices in [0, n) drawn by fast-check, so a failure shrinks and replays with the seed. */
type Choose = (n: number) => number;

const SIZES = ['big', 'Big', 'bigg', 'Bigg'];

/** Re-size every \left … \right pair (matched with a stack), choosing per pair. */
function resize(tex: string, choose: Choose): string {
  const re = /\\(left|right)(\\\{|\\\}|[()[\]|])/g;
  const stack: string[] = [];
  return tex.replace(re, (_m, side: string, delim: string) => {
    if (side === 'left') {
      const k = choose(SIZES.length + 2);
      // ( … ) without a size only for parentheses; otherwise keep \left.
      const size = k < SIZES.length ? SIZES[k] : k === SIZES.length && delim === '(' ? '' : 'left';
      stack.push(size as string);
      return size === '' ? delim : size === 'left' ? `\\left${delim}` : `\\${size}l${delim}`;
    }
    const size = stack.pop() ?? 'left';
    return size === '' ? delim : size === 'left' ? `\\right${delim}` : `\\${size}r${delim}`;
  });
}

/** \cdot -> \cdot, \times or \ast; \frac -> \frac, \tfrac or \dfrac; \top -> another spelling of the transpose. */
function respell(tex: string, choose: Choose): string {
  return tex
    .replace(/ \\cdot /g, () => [' \\cdot ', ' \\times ', ' \\ast '][choose(3)] as string)
    .replace(/\\frac\{/g, () => ['\\frac{', '\\tfrac{', '\\dfrac{'][choose(3)] as string)
    .replace(/\\operatorname\{/g, () => ['\\operatorname{', '\\text{', '\\mathrm{', '\\textrm{'][choose(4)] as string)
    .replace(/(^|[^A-Za-z\\])((?:\\(?:mathbf|boldsymbol|bm)\{)?([A-Za-z])\}?)\^\\top/g, (_m, before: string, base: string, letter: string) => {
      const spellings = ['\\top', '{\\top}', '\\intercal', '{\\mathsf T}', '{\\mathsf{T}}', letter === 'e' ? '\\top' : 'T'];
      return `${before}${base}^${spellings[choose(spellings.length)] as string}`;
    });
}

/**
 * Juxtaposed factors of each product get an explicit \cdot or \times: the
 * product's own printing is found in the text (factors printed alone,
 * possibly in \left( \right)) and replaced where it occurs exactly once.
 */
function explicitProducts(e: Expr, tex: string, choose: Choose): string {
  let out = tex;
  const visit = (x: Expr): void => {
    if (x.kind === 'mul') {
      const printed = toLatex(x);
      const separators = printed.split(' ').length - 1;
      const once = out.indexOf(printed) >= 0 && out.indexOf(printed) === out.lastIndexOf(printed);
      // Only products whose printing splits into the factors at single spaces (no spaces inside the factors).
      const factors = x.args.map((f) => toLatex(f));
      if (once && separators === x.args.length - 1 && factors.every((f) => !f.includes(' '))) {
        const pieces = printed.split(' ');
        const joined = pieces.reduce((acc, piece, i) => (i === 0 ? piece : `${acc}${[' ', ' \\cdot ', ' \\times '][choose(3)] as string}${piece}`), '');
        out = out.replace(printed, joined);
      }
    }
    if (x.kind === 'call' || x.kind === 'add' || x.kind === 'mul') x.args.forEach(visit);
    else if (x.kind === 'div') {
      visit(x.num);
      visit(x.den);
    } else if (x.kind === 'pow') {
      visit(x.base);
      visit(x.exp);
    } else if (x.kind === 'neg') visit(x.arg);
    else if (x.kind === 'deriv') visit(x.body);
  };
  visit(e);
  return out;
}

/**
 * Letters that are symbols of the tree, written bold: x -> \mathbf{x},
 * \boldsymbol{x} or \bm{x}; not indices inside _{…} (W_{ij} is two
 * indices, a bold index is not a vector), words, commands, d or e.
 */
function bold(tex: string, choose: Choose): string {
  let out = '';
  let depth = 0;
  const indexDepths: number[] = [];
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i] as string;
    if (c === '{') {
      depth++;
      if (tex[i - 1] === '_') indexDepths.push(depth);
    } else if (c === '}') {
      if (indexDepths[indexDepths.length - 1] === depth) indexDepths.pop();
      depth--;
    }
    const prev = tex[i - 1] ?? ' ';
    const next = tex[i + 1] ?? ' ';
    const alone = /[a-ce-zA-Z]/.test(c) && !/[A-Za-z\\{_]/.test(prev) && !/[A-Za-z]/.test(next);
    if (alone && indexDepths.length === 0) {
      const k = choose(4);
      out += k === 3 ? c : `\\${['mathbf', 'boldsymbol', 'bm'][k] as string}{${c}}`;
    } else out += c;
  }
  return out;
}

/** Transposed letters: every z becomes z^T outside derivative variables (a vector in a product). */
function withTransposes(e: Expr): Expr {
  const walk = (x: Expr): Expr => {
    if (x.kind === 'sym' && x.name === 'z' && x.sub.length === 0 && x.sup.length === 0) return transpose(x);
    const kids = children(x);
    if (kids.length === 0) return x;
    return withChildren(x, kids.map((c, i) => (x.kind === 'deriv' && i > 0 ? c : walk(c))));
  };
  return walk(e);
}

function reads(e: Expr, renotate: (tex: string) => string): boolean {
  const printed = toLatex(e);
  const tex = renotate(printed);
  let back: Expr;
  try {
    back = parseLatex(tex);
  } catch (err) {
    throw new Error(`could not read ${JSON.stringify(tex)} (printed ${JSON.stringify(printed)} from ${toPlain(e)}): ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!equal(back, e)) throw new Error(`${JSON.stringify(tex)} (printed ${JSON.stringify(printed)}) read back as ${toPlain(back)}, not ${toPlain(e)}`);
  return true;
}

/** fast-check's choices as a Choose function. */
const arbChoices = fc.infiniteStream(fc.nat({ max: 1_000_000 })).map((s) => {
  const it = s[Symbol.iterator]();
  return (n: number): number => (it.next().value as number) % n;
});

describe('LaTeX notation chosen by the writer reads back as the printed tree', () => {
  it('should read sized delimiters, \\cdot / \\times / juxtaposition and \\tfrac / \\dfrac alike', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 4 }), arbChoices, (e, choose) => reads(e, (tex) => respell(resize(explicitProducts(e, tex, choose), choose), choose))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('should read bold letters and every spelling of the transpose', () => {
    const vars = ['x', 'y', 'z', 'A', 'x_1', 'W_{ij}'];
    fc.assert(
      fc.property(arbExpr({ depth: 3, vars, wrt: ['x', 'y', 'x_1'] }).map(withTransposes), arbChoices, (e, choose) => reads(e, (tex) => respell(bold(resize(tex, choose), choose), choose))),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('should read finite sums and the Kronecker delta with re-sized delimiters and explicit products', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 3, functions: ['sum', 'delta', 'exp', 'log', 'sigma', 'max'] }), arbChoices, (e, choose) => reads(e, (tex) => respell(resize(explicitProducts(e, tex, choose), choose), choose))),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('should read a logarithm to a base and the indicator of a comparison around any printed tree', () => {
    const bases: [string, Expr][] = [['2', num(2)], ['{10}', num(10)], ['b', sym('b')], ['{e}', call('exp', [num(1)])]];
    const relations: [string, (d: Expr) => Expr][] = [
      ['>', (d) => mul(num(1, 2), add(pow(call('sign', [d]), num(2)), call('sign', [d])))],
      ['<', (d) => mul(num(1, 2), add(pow(call('sign', [d]), num(2)), neg(call('sign', [d]))))],
    ];
    fc.assert(
      fc.property(arbExpr({ depth: 3 }), arbExpr({ depth: 2 }), arbChoices, (u, v, choose) => {
        const [spelled, base] = bases[choose(bases.length)] as [string, Expr];
        const logTex = `\\log_${spelled}\\left(${toLatex(u)}\\right)`;
        const readLog = parseLatex(resize(logTex, choose));
        if (!equal(readLog, div(call('log', [u]), call('log', [base])))) throw new Error(`${logTex} read as ${toPlain(readLog)}`);
        const [rel, indicator] = relations[choose(relations.length)] as [string, (d: Expr) => Expr];
        const indTex = `\\mathbb{1}\\left[${toLatex(u)} ${rel} ${toLatex(v)}\\right]`;
        const readInd = parseLatex(indTex);
        const d = v.kind === 'num' && v.n === 0n ? u : add(u, neg(v));
        if (!equal(readInd, indicator(d))) throw new Error(`${indTex} read as ${toPlain(readInd)}`);
        return true;
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('should be able to fail: a re-notation that changes the meaning is caught', () => {
    const e = parseLatex('x y');
    expect(() => reads(e, (tex) => tex.replace(' ', ' + '))).toThrow(/read back as/);
    expect(equal(parseLatex(resize(String.raw`\left(x\right)`, () => 1)), sym('x'))).toBe(true);
  });
});
