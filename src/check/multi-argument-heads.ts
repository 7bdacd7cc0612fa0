/**
 * Function heads a document defines, read in place of their uses:
 * `L(w) = …`, `\ell(z) = …`, `L(x, y, w) = …`, `KL(p, q) = …`,
 * `\operatorname{LSE}(z) = …`, `f_1(w_1, w_2) = …`, then `L(a)`, `KL(q, p)`,
 * `\ell'(0)`, `\frac{\partial L}{\partial w}` used. The LaTeX reader reads a
 * bracket after a letter as a product (H(p) is H times p) or refuses it
 * (L(a, b) is a list where one value was expected; KL is K times L), so the
 * checker rewrites each call of a defined head before reading: the call
 * becomes a placeholder symbol, read in place, then replaced by the
 * definition with the parameters set to the arguments (all at once, so
 * L(y, x) swaps them).
 *
 * - A head is its name and its number of arguments: H(p) and H(p, q) are two
 *   definitions (headSymbol keeps them apart in the ledger).
 * - A primed call (`\ell'(z)`, `\zeta''(x)`, and `\sigma'(2x)` for a smooth
 *   function of the table) is the derivative of the definition, evaluated at
 *   the argument: σ′(u) = σ(u)(1 − σ(u)). The derivative comes from the
 *   engine and passes its own check (defined-heads.ts), or the call is left
 *   to the reader, which refuses it by name.
 * - The name used bare (`\frac{\partial L}{\partial w}` after `L(w) = …`) is
 *   the definition at its own parameters, L(w); only when one arity of the
 *   name is defined.
 * - An index the definition uses is a parameter of a family of functions:
 *   after `H_\delta(r) = …` (the Huber loss), `H_1(3)` is the definition with
 *   δ = 1 and r = 3, and `f_j(z)` after `f_k(z) = e^{z_k}` is e^{z_j}.
 *
 *     const h = headOf('L(x, y, w)')                     // { nameLatex: 'L', name: 'L', params: [x, y, w] }
 *     parseWithHeads('L(a, b, c) + 1', [{ ...h, value }])  // value[x := a, y := b, w := c] + 1
 */
import { call, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { CONSTANTS, lookupFunction } from '../expr/functions.js';
import { symKey } from '../expr/sym-key.js';
import { children, some, withChildren } from '../expr/traverse.js';
import { parseLatex } from '../parse/index.js';
import { splitTopLevelCommas } from './top-level-commas.js';

/** A defined function of one or more arguments. */
export interface HeadDefinition {
  /** The head as written (L, f, \ell, KL). */
  readonly nameLatex: string;
  /** The name the definition fact carries (without its arity). */
  readonly name: string;
  /** The head's index: f_1 -> [1]. */
  readonly sub?: readonly Expr[];
  readonly params: readonly Sym[];
  readonly value: Expr;
  /** False for a function given by name only (f = \tanh): its bare name is not the definition at a parameter of the document. */
  readonly bare?: boolean;
}

/** The k-th derivative of a function given by its value in `param`, or undefined when it cannot be trusted (defined-heads.ts). */
export type DerivativeOf = (value: Expr, param: Sym, order: number) => Expr | undefined;

/** Font commands that turn several letters into one name: \operatorname{KL}, \mathrm{KL}. */
const FONT = String.raw`\\(?:operatorname|mathrm|text|textrm|mathit|mathsf)\s*\{\s*([A-Za-z]+)\s*\}`;
/** The head of a definition's left side: a font name, a command, 2–4 capitals, or a letter; an optional index. */
const HEAD = new RegExp(String.raw`^\s*(${FONT}|\\[A-Za-z]+|[A-Z]{2,4}|[A-Za-z])\s*(?:_\s*(?:\{\s*([A-Za-z0-9]+|\\[A-Za-z]+)\s*\}|([A-Za-z0-9]|\\[A-Za-z]+(?![A-Za-z]))))?\s*(?:\\left\s*)?\(([^()]*)(?:\\right\s*)?\)\s*$`);

/**
 * The ledger's symbol for a head: the name for one argument (L, so that
 * L(w) = … and the bare L agree), the name with its arity for more, so that
 * H(p) and H(p, q) are two definitions.
 */
export function headSymbol(name: string, sub: readonly Expr[], arity: number): Sym {
  return sym(arity <= 1 ? name : `${name}(${','.repeat(arity - 1)})`, sub);
}

/** The name of a head symbol without its arity ('H(,)' -> 'H'). */
export function headName(symbolName: string): string {
  return symbolName.replace(/\(,*\)$/, '');
}

/**
 * A name that may be defined as a function: not a constant, not d, and not a
 * function the reader takes from the table (\sigma, \operatorname{relu});
 * a plain letter is never read as one (H(p) is not the step function H).
 */
function definable(name: string): boolean {
  return (name.length === 1 || lookupFunction(name) === undefined) && !CONSTANTS.has(name) && name !== 'e' && name !== 'd';
}

/**
 * The left side of `L(x, y, w) = …`, `KL(p, q) = …`, `f_1(x) = …`,
 * `\operatorname{LSE}(z) = …`: a head and distinct bare parameters;
 * undefined for anything else. One parameter after a single letter or a
 * command (L(w), \ell(z)) is definitionOf's (facts.ts), which reads it from
 * the parsed sides.
 */
export function headOf(lhsLatex: string): { nameLatex: string; name: string; sub: Expr[]; params: Sym[] } | undefined {
  const m = HEAD.exec(lhsLatex);
  if (m === null) return undefined;
  const nameLatex = m[1] as string;
  const index = m[3] ?? m[4];
  const items = splitTopLevelCommas((m[5] as string).replace(/\\right\s*$/, ''));
  let name: string;
  if (m[2] !== undefined) name = m[2];
  else if (/^[A-Z]{2,4}$/.test(nameLatex)) name = nameLatex;
  else {
    const parsed = tryParse(nameLatex);
    if (parsed?.kind !== 'sym' || parsed.sub.length > 0) return undefined;
    name = parsed.name;
  }
  if (!definable(name)) return undefined;
  // One parameter after a plain letter or command without an index is read by definitionOf.
  const severalLetters = m[2] !== undefined || /^[A-Z]{2,4}$/.test(nameLatex);
  if (items.length < 1 || (items.length === 1 && index === undefined && !severalLetters)) return undefined;
  const params: Sym[] = [];
  for (const item of items) {
    const e = tryParse(item);
    if (e?.kind !== 'sym' || params.some((p) => p.hash === e.hash)) return undefined;
    params.push(e);
  }
  const sub = index === undefined ? [] : [tryParse(index) ?? sym(index)];
  return { nameLatex, name, sub, params };
}

/**
 * The definition fact of `lhsLatex = value` when its left side is a head
 * (headOf), unless the value uses the head itself (a claim about it, not a
 * definition).
 */
export function headDefinitionFact(lhsLatex: string, value: Expr): { kind: 'define'; sym: Sym; value: Expr; param: Sym; params: Sym[] } | undefined {
  const h = headOf(lhsLatex);
  if (h === undefined) return undefined;
  if (some(value, (x) => (x.kind === 'sym' && headName(x.name) === h.name) || (x.kind === 'call' && x.fn.replace(/'+$/, '') === h.name))) return undefined;
  return { kind: 'define', sym: headSymbol(h.name, h.sub, h.params.length), value, param: h.params[0] as Sym, params: h.params };
}

function tryParse(text: string): Expr | undefined {
  try {
    return parseLatex(text);
  } catch {
    return undefined;
  }
}

/** A definition fact of a head (a parameter, or several) as the reader's view of it. */
export function headDefinition(f: { readonly sym: Sym; readonly param?: Sym; readonly params?: readonly Sym[]; readonly value: Expr; readonly anonymous?: boolean }): HeadDefinition | undefined {
  const params = f.params ?? (f.param !== undefined ? [f.param] : undefined);
  if (params === undefined || params.length === 0) return undefined;
  const name = headName(f.sym.name);
  return { nameLatex: name.length === 1 ? name : `\\${name}`, name, sub: f.sym.sub, params, value: f.value, ...(f.anonymous === true ? { bare: false } : {}) };
}

/**
 * Replace symbols by key, all at once, in subscripts too. A family argument
 * (KL(p, u) with the value in p_i, q_i) renames the members (q_i -> u_i);
 * undefined when a parameter used with an index gets an argument that is not
 * a bare name (the members of (a + b)_i are not known).
 */
function substituteAll(e: Expr, values: ReadonlyMap<string, Expr>, families = true): Expr | undefined {
  let ok = true;
  const go = (x: Expr): Expr => {
    if (x.kind === 'sym') {
      const v = values.get(symKey(x));
      if (v !== undefined) return v;
      const family = families && (x.sub.length > 0 || x.sup.length > 0) ? values.get(x.name) : undefined;
      if (family !== undefined) {
        if (family.kind === 'sym' && family.sub.length === 0 && family.sup.length === 0) return sym(family.name, x.sub.map(go), x.sup.map(go));
        // f(\mathbf{x}_i) with f's value in the entries x_j: the j-th entry of the i-th vector is x_{ij}, the usual notation for a data matrix.
        if (family.kind === 'sym' && family.sub.length > 0 && family.sup.length === 0 && x.sup.length === 0) return sym(family.name, [...family.sub, ...x.sub.map(go)]);
        ok = false;
        return x;
      }
    }
    // The variable of a derivative stays a variable.
    if (x.kind === 'deriv') {
      const body = go(x.body);
      return body === x.body ? x : withChildren(x, [body, x.wrt]);
    }
    const kids = children(x);
    if (kids.length === 0) return x;
    return withChildren(x, kids.map(go));
  };
  const out = go(e);
  return ok ? out : undefined;
}

function escape(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

/**
 * The index of a family of functions (H_\delta(r) = … using δ, f_k(z) = e^{z_k}): a bare symbol that the value
 * uses and that is not a parameter; undefined for a fixed index (f_1) or one the value does not use.
 */
function familyIndex(h: HeadDefinition): Sym | undefined {
  const index = h.sub?.[0];
  if (index?.kind !== 'sym' || index.sub.length > 0 || index.sup.length > 0 || h.params.some((p) => p.hash === index.hash)) return undefined;
  return some(h.value, (x) => x.kind === 'sym' && x.hash === index.hash) ? index : undefined;
}

/**
 * The ways a head's name is written: L; \ell; KL, \operatorname{KL}, \mathrm{KL}; with its index, f_1 or f_{1};
 * for a family (familyIndex), any index, captured as `ix`.
 */
function spelling(h: HeadDefinition): string {
  const forms = h.name.length === 1 ? [escape(h.name)] : [escape(`\\${h.name}`), String.raw`\\(?:operatorname|mathrm|text|textrm|mathit|mathsf)\s*\{\s*${escape(h.name)}\s*\}`];
  if (/^[A-Z]{2,4}$/.test(h.name)) forms.push(escape(h.name));
  const index = h.sub?.[0];
  const family = familyIndex(h) !== undefined ? String.raw`\s*_\s*(?<ix>\d|[A-Za-z]|\\[A-Za-z]+(?![A-Za-z])|\{[^{}]*\})` : undefined;
  const sub = family ?? (index === undefined ? '' : index.kind === 'num' || index.kind === 'sym' ? String.raw`\s*_\s*(?:${escape(plainIndex(index))}|\{\s*${escape(plainIndex(index))}\s*\})` : '(?!)');
  return `(?<![A-Za-z\\\\])(?:${forms.join('|')})(?![A-Za-z])${sub}`;
}

/** The family's index set to the index written in a match of spelling(h) (H_1: δ ↦ 1), or nothing; undefined when that index cannot be read. */
function indexValue(h: HeadDefinition, m: RegExpExecArray): [string, Expr][] | undefined {
  const index = familyIndex(h);
  const written = m.groups?.['ix'];
  if (index === undefined || written === undefined) return [];
  const value = tryParse(written.replace(/^\{([^]*)\}$/, '$1'));
  return value === undefined ? undefined : [[symKey(index), value]];
}

function plainIndex(e: Expr): string {
  return e.kind === 'num' ? `${e.n}` : e.kind === 'sym' ? (e.name.length === 1 ? e.name : `\\${e.name}`) : '';
}

/** The index of the bracket closing the one opened at `open` (a `\right)` closes too), or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return c === ')' ? i : -1;
    }
  }
  return -1;
}

/** The functions of the table whose primes are read at any argument: one argument, smooth (no kink). */
function smoothTableFunction(name: string): HeadDefinition | undefined {
  const spec = lookupFunction(name);
  if (spec === undefined || spec.minArgs !== 1 || spec.maxArgs !== 1 || spec.binds !== undefined || spec.kink !== undefined) return undefined;
  const t = sym('#t');
  return { nameLatex: `\\${name}`, name, params: [t], value: call(spec.name, [t]) };
}

export interface HeadOptions {
  /** Derivatives for primed calls (`\ell'(z)`, `\sigma'(2x)`); without it primes are left to the reader. */
  readonly derivative?: DerivativeOf;
  /** Names with a definition in scope (u = 3x^2): `\sigma'(u)` on one of them is σ' at u, not a derivative by u. */
  readonly defined?: ReadonlySet<string>;
  /** The partial derivative of a value by one of its parameters, for `\frac{\partial f}{\partial w_1}(2, 1)`. */
  readonly partial?: (value: Expr, param: Sym) => Expr | undefined;
}

/**
 * Read `latex` with every call of a defined head replaced by its definition
 * (a primed call by the derivative of it, a bare name by the definition at
 * its own parameters); a call with another number of arguments is left to
 * the reader (whose error then names it). Throws the reader's ParseError as
 * parseLatex does.
 */
export function parseWithHeads(latex: string, heads: readonly HeadDefinition[], opts: HeadOptions = {}): Expr {
  const values = new Map<string, Expr>();
  let text = latex;
  const place = (from: number, to: number, value: Expr): number => {
    const key = `${9000 + values.size}`;
    values.set(symKey(sym('Xi', [sym(key)])), value);
    const replacement = `\\left(\\Xi_{${key}}\\right)`;
    text = text.slice(0, from) + replacement + text.slice(to);
    return from + replacement.length;
  };
  /** Calls of h (with `primes` derivatives) at `pattern`; `onlyComposite`: leave calls on a bare variable to the reader. */
  const rewrite = (h: HeadDefinition, pattern: RegExp, onlyComposite: boolean): void => {
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const primes = (m.groups?.['primes'] ?? '').length;
      const open = m.index + m[0].length - 1;
      const close = closing(text, open);
      if (close < 0) continue;
      const inner = text.slice(open + 1, close).replace(/\\right\s*$/, '');
      const args = splitTopLevelCommas(inner);
      if (args.length !== h.params.length || (primes > 0 && (h.params.length !== 1 || opts.derivative === undefined))) continue;
      let parsed: Expr[];
      try {
        parsed = args.map((a) => parseWithHeads(a, heads, opts));
      } catch {
        continue;
      }
      // σ'(u) on a variable is the reader's d(σ(u), u), unless u is defined (u = 3x²): then the derivative function at u.
      if (onlyComposite && parsed[0]?.kind === 'sym' && opts.defined?.has(symKey(parsed[0])) !== true) continue;
      const ix = indexValue(h, m);
      const fn = primes === 0 ? h.value : opts.derivative?.(h.value, h.params[0] as Sym, primes);
      const value = fn === undefined || ix === undefined ? undefined : substituteAll(fn, new Map([...ix, ...h.params.map((p, i) => [symKey(p), parsed[i] as Expr] as [string, Expr])]));
      if (value === undefined) continue;
      pattern.lastIndex = place(m.index, close + 1, value);
    }
  };
  for (const h of heads) rewrite(h, new RegExp(`${spelling(h)}\\s*(?<primes>'*)\\s*(?:\\\\left\\s*)?\\(`, 'g'), false);
  // \ell' alone (\ell' = -\tfrac14): the derivative at the head's own parameter, as the bare \ell is the head at it.
  for (const h of heads) {
    if (h.params.length !== 1 || opts.derivative === undefined || h.bare === false) continue;
    const bare = new RegExp(`${spelling(h)}\\s*(?<primes>'+)(?!\\s*(?:\\\\left\\s*)?\\()`, 'g');
    for (let m = bare.exec(text); m !== null; m = bare.exec(text)) {
      const ix = indexValue(h, m);
      const d = opts.derivative(h.value, h.params[0] as Sym, (m.groups?.['primes'] ?? '').length);
      const value = d === undefined || ix === undefined ? undefined : substituteAll(d, new Map(ix));
      if (value !== undefined) bare.lastIndex = place(m.index, m.index + m[0].length, value);
    }
  }
  // \frac{\partial f_1}{\partial w_1}(2, 1): a partial derivative of a head, at a point.
  for (const h of heads) {
    if (opts.partial === undefined) continue;
    const at = new RegExp(String.raw`\\frac\s*\{\s*\\partial\s*${spelling(h)}\s*\}\s*\{\s*\\partial\s*(?<wrt>[^{}]+?)\s*\}\s*(?:\\left\s*)?\(`, 'g');
    for (let m = at.exec(text); m !== null; m = at.exec(text)) {
      const open = m.index + m[0].length - 1;
      const close = closing(text, open);
      const variable = tryParse(m.groups?.['wrt'] ?? '');
      const param = h.params.find((p) => p.hash === variable?.hash);
      if (close < 0 || param === undefined) continue;
      const args = splitTopLevelCommas(text.slice(open + 1, close).replace(/\\right\s*$/, ''));
      if (args.length !== h.params.length) continue;
      let parsed: Expr[];
      try {
        parsed = args.map((a) => parseWithHeads(a, heads, opts));
      } catch {
        continue;
      }
      const d = opts.partial(h.value, param);
      const ix = indexValue(h, m);
      const value = d === undefined || ix === undefined ? undefined : substituteAll(d, new Map([...ix, ...h.params.map((p, i) => [symKey(p), parsed[i] as Expr] as [string, Expr])]));
      if (value !== undefined) at.lastIndex = place(m.index, close + 1, value);
    }
  }
  // \sigma'(2x): the derivative of a smooth function of the table at any argument (on a variable the reader takes it).
  if (opts.derivative !== undefined) {
    const primed = /(?<![A-Za-z\\])\\([A-Za-z]+)\s*('+)\s*(?:\\left\s*)?\(/g;
    const names = new Set([...text.matchAll(primed)].map((m) => m[1] as string));
    for (const name of names) {
      const h = heads.some((d) => d.name === name) ? undefined : smoothTableFunction(name);
      if (h !== undefined) rewrite(h, new RegExp(String.raw`(?<![A-Za-z\\])\\${name}\s*(?<primes>'+)\s*(?:\\left\s*)?\(`, 'g'), true);
    }
  }
  const e = parseLatex(text);
  // The bare name of a head defined with one arity only: the definition at its own parameters.
  const arities = new Map<string, HeadDefinition[]>();
  for (const h of heads) {
    const key = symKey(sym(h.name, h.sub ?? []));
    arities.set(key, [...(arities.get(key) ?? []), h]);
  }
  for (const [key, hs] of arities) if (hs.length === 1 && hs[0]?.bare !== false && !values.has(key)) values.set(key, (hs[0] as HeadDefinition).value);
  if (values.size === 0) return e;
  return substituteAll(e, values, false) ?? e;
}

/** Does `latex` write a call or the name of one of the heads, or a primed function (\sigma'(…))? Then parseWithHeads reads it. */
export function usesHeads(latex: string, heads: readonly HeadDefinition[]): boolean {
  if (/\\[A-Za-z]+\s*'+\s*(?:\\left\s*)?\(/.test(latex)) return true;
  return heads.some((h) => new RegExp(spelling(h)).test(latex));
}

/**
 * The heads written in `latex` whose definition has a kink (max, |·|, relu,
 * step): their derivative is given piece by piece, and prose often restricts
 * a claim to one piece in words ("for a misclassified point").
 */
export function kinkedHeads(latex: string, heads: readonly HeadDefinition[]): HeadDefinition[] {
  return heads.filter((h) => new RegExp(spelling(h)).test(latex) && hasKink(h.value));
}

/** A call of a function with a kink, except an even power of a norm or |·| (‖u‖₂² and |u|² are smooth where ‖u‖₂ and |u| are not, at u = 0). */
function hasKink(e: Expr): boolean {
  const evenPower = e.kind === 'pow' && e.exp.kind === 'num' && e.exp.d === 1n && e.exp.n > 0n && e.exp.n % 2n === 0n;
  if (evenPower && e.base.kind === 'call' && (e.base.fn === 'norm' || e.base.fn === 'abs')) return e.base.args.some(hasKink);
  if (e.kind === 'call' && lookupFunction(e.fn)?.kink !== undefined) return true;
  return children(e).some(hasKink);
}
