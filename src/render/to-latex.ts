/**
 * LaTeX for KaTeX and for documents: `\frac` for quotients, `\sigma`,
 * `e^{…}` for short exponents and `\exp` for long ones, `\cdot` only where
 * juxtaposition would be ambiguous, `\left( \right)` around groups.
 * Every output parses back to the same tree with parseLatex.
 */
import { nodeMemoPrinter } from '../expr/node-memo-printer.js';
import type { Call, Expr, Sym } from '../expr/node.js';
import { assertNever } from '../expr/node.js';
import { latexHeight, lookupFunction, matrixLatexName, matrixPrintForm } from '../expr/functions.js';
import { abstractHead } from '../expr/abstract-function.js';
import { size, some, symbolsOf } from '../expr/traverse.js';
import { equal } from '../expr/equal.js';
import { needsParens, type Place } from '../expr/precedence.js';
import { latexName } from './symbol-names.js';
import { positionalText } from '../expr/decimal.js';

const group = (s: string): string => `\\left(${s}\\right)`;

/** The printed height of a call from the function table (unknown functions print on the line). */
function callHeight(e: Call): 'line' | 'raised' | 'big' {
  const spec = lookupFunction(e.fn);
  return spec === undefined ? 'line' : latexHeight(spec);
}

/**
 * Brackets around function arguments: plain ( ) when the arguments are flat
 * (σ(x), \log(1 + e^{x})), so no extra space appears after the function name;
 * \left( \right) when they are tall (a fraction, a sum, a derivative).
 */
function argumentGroup(args: readonly Expr[], printed: string): string {
  const tall = args.some((a) => some(a, (x) => x.kind === 'div' || x.kind === 'deriv' || (x.kind === 'call' && callHeight(x) === 'big') || (x.kind === 'num' && x.d !== 1n)));
  return tall ? group(printed) : `(${printed})`;
}

function numberLatex(n: bigint, d: bigint): string {
  if (d === 1n) return n.toString();
  return n < 0n ? `-\\frac{${-n}}{${d}}` : `\\frac{${n}}{${d}}`;
}

/**
 * Shortest round-trip decimal without exponent notation (`0.25`, `2.0`,
 * `0.0000001`); beyond that range a product with a power of ten.
 */
function floatLatex(x: number): string {
  if (Number.isNaN(x)) return '\\mathrm{NaN}';
  if (!Number.isFinite(x)) return x > 0 ? '\\infty' : '-\\infty';
  const plain = positionalText(x);
  if (plain !== undefined) return plain;
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(String(x));
  return m === null ? String(x) : `${m[1]} \\cdot 10^{${Number(m[2])}}`;
}

function index(e: Expr): string {
  return toLatex(e);
}

/** Indices: `i j` when each is one letter (W_{i j}), else comma-separated (W_{i, j + 1}). */
function indexList(xs: readonly Expr[]): string {
  const simple = xs.every((x) => x.kind === 'sym' && x.sub.length === 0 && x.sup.length === 0 && x.name.length === 1);
  return xs.map(index).join(simple ? ' ' : ', ');
}

function symbol(s: Sym): string {
  let out = latexName(s.name);
  if (s.sub.length > 0) out += `_{${indexList(s.sub)}}`;
  if (s.sup.length > 0) out += `^{(${s.sup.map(index).join(', ')})}`;
  return out;
}

function wrap(child: Expr, place: Place): string {
  const s = toLatex(child);
  return needsParens(child, place, 'latex') ? group(s) : s;
}

/** Makes a superscript tall: a fraction bar, a derivative operator, another exponential, a big operator. */
function isTall(e: Expr): boolean {
  return e.kind === 'div' || e.kind === 'deriv' || (e.kind === 'num' && e.d !== 1n) || (e.kind === 'call' && callHeight(e) !== 'line');
}

/** Short, flat exponents print as e^{u} (e^{-x}, e^{w x + b}); long or tall ones as \exp(u). */
function isShortExponent(u: Expr): boolean {
  return size(u) <= 6 && !some(u, isTall);
}

/** matmul(W2, W1, x) -> W^{(2)} W^{(1)} x, the way textbooks write a matrix product; a nested product keeps its brackets. */
function matmulLatex(args: readonly Expr[]): string {
  return args
    .map((f, i) => {
      const s = f.kind === 'call' && matrixPrintForm(f.fn) === 'product' ? group(toLatex(f)) : wrap(f, i === 0 ? 'first-factor' : i === args.length - 1 ? 'last-factor' : 'factor');
      return i > 0 && startsWithDigit(s) ? `\\cdot ${s}` : s;
    })
    .join(' ');
}

function callLatex(e: Call): string {
  const arg = e.args[0];
  const matrixForm = matrixPrintForm(e.fn);
  if (matrixForm === 'product' && e.args.length >= 2) return matmulLatex(e.args);
  // \top, not T: T could be a symbol; parseLatex reads W^\top as transpose(W) with or without shapes.
  if (matrixForm === 'transpose' && arg !== undefined && e.args.length === 1) return `${powerBase(arg)}^\\top`;
  if (matrixForm === 'entry' && arg !== undefined && e.args.length === 3) return `\\left[${toLatex(arg)}\\right]_{${indexList(e.args.slice(1))}}`;
  if (matrixForm !== undefined && matrixForm !== 'product' && matrixForm !== 'transpose' && matrixForm !== 'entry') return matrixCallLatex(e, matrixForm);
  const spec = lookupFunction(e.fn);
  const args = e.args.map((a) => toLatex(a)).join(', ');
  const head = spec === undefined ? abstractHead(e.fn) : undefined;
  // An unknown function prints as written: f'(x), \phi(z) (parseLatex reads it back).
  if (head !== undefined) return `${latexName(head.name)}${"'".repeat(head.order)}${argumentGroup(e.args, args)}`;
  if (spec === undefined) return `\\operatorname{${e.fn}}${argumentGroup(e.args, args)}`;
  const arg0 = e.args[0];
  switch (spec.latex.form) {
    case 'exp':
      if (arg0 !== undefined && arg0.kind === 'num' && arg0.n === 1n && arg0.d === 1n) return 'e';
      return arg0 !== undefined && isShortExponent(arg0) ? `e^{${args}}` : `\\exp${argumentGroup(e.args, args)}`;
    case 'sqrt':
      return `\\sqrt{${args}}`;
    case 'abs':
      return `\\left|${args}\\right|`;
    case 'norm': {
      // A capital is read as a matrix: its entrywise 2-norm is written ‖A‖_F (‖A‖_2 would be read as the spectral norm).
      const frobenius = spec.latex.sub === '2' && arg0?.kind === 'sym' && /^[A-Z]$/.test(arg0.name);
      return `\\left\\lVert ${args}\\right\\rVert_{${frobenius ? 'F' : spec.latex.sub}}`;
    }
    case 'command':
      return spec.braces === true ? `${spec.latex.command}\\left\\{${args}\\right\\}` : `${spec.latex.command}${argumentGroup(e.args, args)}`;
    case 'operatorname': {
      // softmax(z, i) prints as the entry it is: \operatorname{softmax}(z)_{i}.
      const at = spec.entryArgument;
      const index = at === undefined ? undefined : e.args[at];
      if (at !== undefined && index !== undefined) {
        const vector = e.args.slice(0, at);
        return `\\operatorname{${spec.latex.name}}${argumentGroup(vector, vector.map((a) => toLatex(a)).join(', '))}_{${toLatex(index)}}`;
      }
      return `\\operatorname{${spec.latex.name}}${argumentGroup(e.args, args)}`;
    }
    case 'delta':
      return `\\delta_{${indexList(e.args)}}`;
    case 'sum':
      return sumLatex(e);
  }
}

/**
 * The matrix vocabulary: a ⊙ b (always bracketed, so W (a ⊙ b) and (a ⊙ b) x read one way),
 * A^{\circ n} for the entrywise power, \operatorname{tr}(A), \operatorname{sum}(A) for the sum of entries, \mathbf{1}_{n}, I_{n},
 * and the engine's vjp(G, F, X) as \nabla_{X} \langle G, F \rangle (\nabla_{X} F when G = 1).
 */
function matrixCallLatex(e: Call, form: 'call' | 'hadamard' | 'entry-power' | 'entry-sum' | 'ones' | 'identity' | 'pullback'): string {
  const [a0, a1, a2] = e.args;
  const named = (name: string): string => `\\operatorname{${name}}${group(e.args.map(toLatex).join(', '))}`;
  const operand = (x: Expr): string => (x.kind === 'add' || x.kind === 'neg' || (x.kind === 'num' && x.n < 0n) ? group(toLatex(x)) : toLatex(x));
  const sized = (x: Expr | undefined): boolean => x !== undefined && (x.kind === 'num' || x.kind === 'sym');
  switch (form) {
    case 'hadamard':
      return e.args.length >= 2 ? group(e.args.map(operand).join(' \\odot ')) : named(e.fn);
    case 'entry-power':
      return a0 !== undefined && a1 !== undefined ? `${powerBase(a0)}^{\\circ ${toLatex(a1)}}` : named(e.fn);
    case 'entry-sum':
      return named('sum');
    case 'ones':
      return sized(a0) ? `\\mathbf{1}_{${toLatex(a0 as Expr)}}` : '\\mathbf{1}';
    case 'identity':
      return sized(a0) ? `I_{${toLatex(a0 as Expr)}}` : 'I';
    case 'pullback':
      if (a0 === undefined || a1 === undefined || a2 === undefined) return named(e.fn);
      return a0.kind === 'num' && a0.n === 1n && a0.d === 1n ? `\\nabla_{${toLatex(a2)}} ${group(toLatex(a1))}` : `\\nabla_{${toLatex(a2)}} \\left\\langle ${toLatex(a0)}, ${toLatex(a1)} \\right\\rangle`;
    case 'call':
      return `\\operatorname{${matrixLatexName(e.fn)}}${argumentGroup(e.args, e.args.map(toLatex).join(', '))}`;
  }
}

/** sum(u, k, a, b) -> \sum_{k=a}^{b} u, the body bracketed when it is a sum or starts with a minus. */
function sumLatex(e: Call): string {
  const [body, k, lo, hi] = e.args;
  if (body === undefined || k === undefined || lo === undefined || hi === undefined) return `\\operatorname{${e.fn}}${group(e.args.map(toLatex).join(', '))}`;
  const spec = lookupFunction(e.fn);
  const command = spec?.latex.form === 'sum' ? (spec.latex.command ?? '\\sum') : '\\sum';
  return `${command}_{${toLatex(k)}=${toLatex(lo)}}^{${toLatex(hi)}} ${wrap(body, 'operand')}`;
}

/** Does the printed factor start with a digit (then juxtaposition would merge numbers: 2 3)? */
function startsWithDigit(s: string): boolean {
  return /^[0-9.]/.test(s);
}

function product(args: readonly Expr[]): string {
  let out = '';
  args.forEach((f, i) => {
    const s = wrap(f, i === 0 ? 'first-factor' : i === args.length - 1 ? 'last-factor' : 'factor');
    if (i === 0) out = s;
    else {
      const prev = args[i - 1] as Expr;
      // A bare function name used as a symbol (sigma) before a bracket would read as a call.
      const prevIsFunctionName = prev.kind === 'sym' && lookupFunction(prev.name) !== undefined;
      out += startsWithDigit(s) || prevIsFunctionName ? ` \\cdot ${s}` : ` ${s}`;
    }
  });
  return out;
}

function continueSum(t: Expr): string {
  if (t.kind === 'neg') return ` - ${wrap(t.arg, 'negated')}`;
  if (t.kind === 'num' && t.n < 0n) return ` - ${numberLatex(-t.n, t.d)}`;
  if (t.kind === 'float' && t.value < 0) return ` - ${floatLatex(-t.value)}`;
  return ` + ${wrap(t, 'term')}`;
}

function powerBase(b: Expr): string {
  // w^{(1)} squared: braces avoid a double superscript.
  if (b.kind === 'sym' && b.sup.length > 0) return `{${symbol(b)}}`;
  return wrap(b, 'base');
}

/** The derivative operator: d/dx when the body has one variable, else ∂/∂x. */
function derivLatex(body: Expr, x: Sym, partial: boolean): string {
  const v = symbol(x);
  // ∂y_i/∂z_j as textbooks write it when the body is one other symbol.
  if (body.kind === 'sym' && !equal(body, x)) return partial ? `\\frac{\\partial ${toLatex(body)}}{\\partial ${v}}` : `\\frac{d${toLatex(body)}}{d${v}}`;
  const op = partial ? `\\frac{\\partial}{\\partial ${v}}` : `\\frac{d}{d${/^[A-Za-z]/.test(v) ? '' : ' '}${v}}`;
  return `${op}${group(toLatex(body))}`;
}

/**
 * toLatex is a function of the tree alone (brackets are the parent's), so a
 * batch of expressions that share subtrees prints each node once (latexPrinter).
 */
const latex = nodeMemoPrinter((e) => latexOf(e));

/**
 * toLatex for many expressions that share subtrees (the steps of a
 * derivation: a step rewrites one place, the rest of its tree is the step
 * before's): each node object is printed once, the same strings as toLatex.
 *
 *     const print = latexPrinter();
 *     print(step.before); print(step.after)   // the untouched subtrees printed once
 */
export function latexPrinter(): (e: Expr) => string {
  return latex.batch();
}

/** toLatex(parsePlain('1/(1+exp(-x))')) === '\\frac{1}{1 + e^{-x}}' */
export function toLatex(e: Expr): string {
  return latex.print(e);
}

function latexOf(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return numberLatex(e.n, e.d);
    case 'float':
      return floatLatex(e.value);
    case 'sym':
      return e.name === 'pi' && e.sub.length === 0 && e.sup.length === 0 ? '\\pi' : symbol(e);
    case 'add': {
      const [first, ...rest] = e.args;
      return wrap(first as Expr, 'term') + rest.map(continueSum).join('');
    }
    case 'mul':
      return product(e.args);
    case 'div':
      return `\\frac{${wrap(e.num, 'numerator')}}{${wrap(e.den, 'denominator')}}`;
    case 'pow':
      return `${powerBase(e.base)}^{${wrap(e.exp, 'exponent')}}`;
    case 'neg':
      return `-${wrap(e.arg, 'negated')}`;
    case 'call':
      return callLatex(e);
    case 'deriv': {
      const others = symbolsOf(e.body).filter((s) => !equal(s, e.wrt));
      return derivLatex(e.body, e.wrt, others.length > 0);
    }
    default:
      return assertNever(e);
  }
}
