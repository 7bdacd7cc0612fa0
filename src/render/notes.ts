/**
 * Printing step notes. A note template is text with math between dollar
 * signs, where `{u}` names a value: "does not exist where ${u} = 0$".
 */
import type { Expr } from '../expr/node.js';
import type { Note } from '../proof/step.js';
import { escapeLatexText } from './escape.js';
import { toLatex } from './to-latex.js';
import { toPlain } from '../expr/to-plain.js';

/** LaTeX commands notes may use inside math, and their plain-text spelling. */
const PLAIN_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['\\neq', '≠'],
  ['\\leq', '≤'],
  ['\\geq', '≥'],
  ['\\le', '≤'],
  ['\\ge', '≥'],
]);

function fill(math: string, values: ReadonlyMap<string, Expr>, print: (e: Expr) => string): string {
  return math.replace(/\{([a-zA-Z0-9]+)\}/g, (whole, name: string) => {
    const v = values.get(name);
    return v === undefined ? whole : print(v);
  });
}

function segments(template: string): { text: string; math: boolean }[] {
  return template.split('$').map((text, i) => ({ text, math: i % 2 === 1 }));
}

/** "does not exist where x = 0" */
export function noteToPlain(n: Note): string {
  return segments(n.template)
    .map((s) => {
      if (!s.math) return s.text;
      let m = fill(s.text, n.values, toPlain);
      for (const [cmd, sym] of PLAIN_SYMBOLS) m = m.split(cmd).join(sym);
      return m;
    })
    .join('');
}

/** "\text{does not exist where } x = 0", safe for KaTeX and LaTeX. */
export function noteToLatex(n: Note): string {
  return segments(n.template)
    .map((s) => {
      if (s.math) return fill(s.text, n.values, (e) => `{${toLatex(e)}}`);
      return s.text === '' ? '' : `\\text{${escapeLatexText(s.text)}}`;
    })
    .join('');
}
