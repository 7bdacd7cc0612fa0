/**
 * Tokens of the LaTeX subset: commands (`\frac`, `\{`), single letters (in
 * math mode `xy` is x times y), numbers, and one-character symbols. Spacing
 * commands (`\,` `\;` `\!` `\quad` `~`) are dropped here.
 */
import { ParseError } from './parse-error.js';

export type LatexTokenType = 'cmd' | 'letter' | 'num' | 'sym' | 'eof';

export interface LatexToken {
  readonly type: LatexTokenType;
  /** For commands the name without backslash: 'frac', '{', ','. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const SPACING = new Set([',', ';', '!', ':', ' ', 'quad', 'qquad', 'displaystyle', 'textstyle', 'limits', 'nolimits']);
const NUMBER = /\d*\.\d+|\d+/y;
const COMMAND = /[A-Za-z]+/y;
const SYMBOLS = new Set(['+', '-', '*', '/', '^', '_', '(', ')', '[', ']', '{', '}', ',', '|', '=', '<', '>', "'", '.', '&', '!']);

/**
 * Characters typed for commands in plain-text notes and pasted math: Greek
 * letters, ∂, ∇, relations. Each becomes the command it stands for.
 */
const UNICODE_COMMANDS: ReadonlyMap<string, string> = new Map([
  ['α', 'alpha'], ['β', 'beta'], ['γ', 'gamma'], ['δ', 'delta'], ['ε', 'epsilon'], ['ζ', 'zeta'], ['η', 'eta'], ['θ', 'theta'], ['ι', 'iota'], ['κ', 'kappa'],
  ['λ', 'lambda'], ['μ', 'mu'], ['ν', 'nu'], ['ξ', 'xi'], ['π', 'pi'], ['ρ', 'rho'], ['σ', 'sigma'], ['τ', 'tau'], ['υ', 'upsilon'], ['φ', 'phi'], ['ϕ', 'phi'],
  ['χ', 'chi'], ['ψ', 'psi'], ['ω', 'omega'], ['Γ', 'Gamma'], ['Δ', 'Delta'], ['Θ', 'Theta'], ['Λ', 'Lambda'], ['Ξ', 'Xi'], ['Π', 'Pi'], ['Σ', 'Sigma'],
  ['Φ', 'Phi'], ['Ψ', 'Psi'], ['Ω', 'Omega'], ['ℓ', 'ell'], ['∂', 'partial'], ['∇', 'nabla'], ['≤', 'le'], ['≥', 'ge'], ['≠', 'ne'], ['≈', 'approx'],
  ['∈', 'in'], ['→', 'to'], ['∑', 'sum'], ['√', 'sqrt'], ['⊙', 'odot'],
]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/**
 * Split LaTeX math into tokens; throws ParseError on a character outside the subset.
 *
 *     lexLatex('2x_1')   // num '2', letter 'x', sym '_', num '1', eof
 */
export function lexLatex(src: string): LatexToken[] {
  const out: LatexToken[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '~') {
      i++;
      continue;
    }
    if (c === '\\') {
      COMMAND.lastIndex = i + 1;
      const m = COMMAND.exec(src);
      const name = m !== null ? m[0] : src[i + 1];
      if (name === undefined) throw new ParseError('E_PARSE_UNEXPECTED_END', "a lone '\\' at the end: expected a command name", { start: i, end: i + 1 }, src);
      const end = i + 1 + name.length;
      if (!SPACING.has(name)) out.push({ type: 'cmd', text: name, start: i, end });
      i = end;
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(src[i + 1]))) {
      NUMBER.lastIndex = i;
      const text = NUMBER.exec(src)?.[0] ?? c;
      // `1e-3`, `2.5E4`: scientific notation would read as 1 times Euler's e minus 3; refused by name.
      const sci = /^[eE][+-]?\d/.exec(src.slice(i + text.length, i + text.length + 3));
      if (sci !== null) throw new ParseError('E_PARSE_AMBIGUOUS', `'${text}${sci[0]}…' looks like scientific notation, which LaTeX math does not have (it would read as ${text} times e): write ${text} \\cdot 10^{…}`, { start: i, end: i + text.length + sci[0].length }, src);
      out.push({ type: 'num', text, start: i, end: i + text.length });
      i += text.length;
      continue;
    }
    if (isLetter(c)) {
      out.push({ type: 'letter', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    const named = UNICODE_COMMANDS.get(c);
    if (named !== undefined) {
      out.push({ type: 'cmd', text: named, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '·' || c === '×' || c === '⋅') {
      out.push({ type: 'sym', text: '*', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (c === '−') {
      out.push({ type: 'sym', text: '-', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (SYMBOLS.has(c)) {
      out.push({ type: 'sym', text: c, start: i, end: i + 1 });
      i++;
      continue;
    }
    throw new ParseError('E_PARSE_UNEXPECTED_TOKEN', `unexpected character '${c}' in LaTeX math`, { start: i, end: i + 1 }, src);
  }
  out.push({ type: 'eof', text: '', start: src.length, end: src.length });
  return out;
}
