/**
 * The environment family of the LaTeX reader: \begin{…} … \end{…} inside one
 * expression. Cases that are a function of the table are read as it, two
 * rows defined everywhere by their indicators (latex-cases.ts); everything
 * else is refused by name over its whole span
 * rather than misread: the expression tree has no piecewise expression
 * and no matrix literal (pmatrix, bmatrix, …; matrices are symbols
 * with declared shapes, src/matrix). Display environments (aligned, align,
 * …) are split into relations before an expression reaches this reader.
 *
 *     \begin{cases} \log x & x > 0 \\ 0 & \text{otherwise} \end{cases}   ->  E_PARSE_UNSUPPORTED (log x is not defined where x ≤ 0)
 */
import { readCases, type CasesReading } from './latex-cases.js';
import type { LatexToken } from './lexer-latex.js';
import { ParseError } from './parse-error.js';
import type { LatexFamilyReader, LatexReader } from './latex-reader.js';

const MATRICES = new Set(['matrix', 'pmatrix', 'bmatrix', 'Bmatrix', 'vmatrix', 'Vmatrix', 'smallmatrix', 'array']);

/** {name} after \begin or \end, consumed; the name and the closing brace. */
function environmentName(p: LatexReader, cmd: LatexToken): { name: string; close: LatexToken } {
  if (!p.is('sym', '{')) p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected '{' and an environment name after '\\${cmd.text}', as in \\${cmd.text}{cases}`, p.peek());
  p.next();
  let name = '';
  while (p.peek().type === 'letter' || p.is('sym', '*')) name += p.next().text;
  if (name === '' || !p.is('sym', '}')) p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected an environment name of letters after '\\${cmd.text}{', found ${p.describe(p.peek())}`, p.peek());
  return { name, close: p.next() };
}

/** Offset of the \end{name} that closes the environment opened before the cursor, or -1. */
function endOffset(p: LatexReader, name: string): number {
  let depth = 0;
  for (let k = 0; ; k++) {
    const t = p.peek(k);
    if (t.type === 'eof') return -1;
    if (t.type === 'cmd' && t.text === 'begin') depth++;
    if (t.type === 'cmd' && t.text === 'end') {
      if (depth === 0) {
        let j = k + 2;
        let shown = '';
        while (p.peek(j).type === 'letter' || p.is('sym', '*', j)) shown += p.peek(j++).text;
        return shown === name ? j : -1;
      }
      depth--;
    }
  }
}

/** \begin{cases} … \end{cases} and the matrix environments: refused over their whole span. */
export const readEnvironment: LatexFamilyReader = (p, t) => {
  const { name, close } = environmentName(p, t);
  const end = endOffset(p, name);
  if (end < 0) p.fail('E_PARSE_UNCLOSED', `\\begin{${name}} is never closed: expected \\end{${name}}`, { start: t.start, end: close.end });
  const at = { start: t.start, end: p.peek(end).end };
  if (name === 'cases' || name === 'dcases') {
    const f = casesFunction(p);
    if (typeof f !== 'string') {
      for (let k = 0; k < 3 + name.length; k++) p.next();
      p.note({ at, kind: 'cases', text: `the cases are read as ${f.what}`, ...(f.gap !== undefined ? { gap: f.gap } : {}) });
      return p.lit.plain(f.value);
    }
    p.fail('E_PARSE_UNSUPPORTED', `\\begin{${name}} (a piecewise definition) is not read: ${f}; gradtex has no piecewise expression, and reads cases only when they are ReLU, |x|, a max or a min split at one point (u if u > 0, 0 otherwise), a choice between i = j and i ≠ j, or two rows defined at every real point under complementary comparisons (no log, division or root); write the function, or leave the step unchecked`, at);
  }
  if (MATRICES.has(name)) p.fail('E_PARSE_UNSUPPORTED', `\\begin{${name}} (a matrix written out) is not read: name the matrix and declare its shape (--shape W=2x3)`, at);
  return p.fail('E_PARSE_UNSUPPORTED', `\\begin{${name}} is not read inside an expression`, at);
};

/** The function the cases are (latex-cases.ts), or why they are none or cannot be read. */
function casesFunction(p: LatexReader): CasesReading | string {
  try {
    return readCases(p);
  } catch (e) {
    if (e instanceof ParseError) return e.message;
    throw e;
  }
}

/** \end without its \begin. */
export const readStrayEnd: LatexFamilyReader = (p, t) => p.fail('E_PARSE_UNEXPECTED_TOKEN', `'\\end' closes no environment opened here`, t);
