/**
 * Boolean formulas as students write them: `A and not B`, `A xor B`,
 * `not (A or B)`, `A \wedge \neg B`, `A ∧ ¬B`, `A & !B`. Precedence, tightest
 * first: not, and, xor, or (as in most textbooks; parentheses say the rest).
 *
 *     A and not B or C
 *     ^^^^^^^^^^^        `and` binds tighter than `or`
 */
import { ConstructError } from './construct-error.js';

export type Formula =
  | { readonly op: 'var'; readonly name: string }
  | { readonly op: 'const'; readonly value: boolean }
  | { readonly op: 'not'; readonly arg: Formula }
  | { readonly op: 'and' | 'or' | 'xor'; readonly left: Formula; readonly right: Formula };

const WORDS: Readonly<Record<string, string>> = {
  and: 'and', '&': 'and', '&&': 'and', '∧': 'and', '\\wedge': 'and', '\\land': 'and',
  or: 'or', '|': 'or', '||': 'or', '∨': 'or', '\\vee': 'or', '\\lor': 'or',
  xor: 'xor', '⊕': 'xor', '\\oplus': 'xor',
  not: 'not', '!': 'not', '~': 'not', '¬': 'not', '\\neg': 'not', '\\lnot': 'not',
  '(': '(', ')': ')', '0': '0', '1': '1',
};

interface Token {
  readonly kind: string;
  readonly text: string;
  readonly at: number;
}

function tokenize(text: string): Token[] {
  const re = /\s*(\\[a-zA-Z]+|&&|\|\||[&|!~()¬∧∨⊕]|[A-Za-z][A-Za-z0-9_]*|\d+|\S)/gy;
  const out: Token[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const t = m[1] as string;
    const at = m.index + m[0].length - t.length;
    const word = WORDS[t.toLowerCase()];
    if (word !== undefined) out.push({ kind: word, text: t, at });
    else if (/^[A-Za-z][A-Za-z0-9_]*$/.test(t)) out.push({ kind: 'name', text: t, at });
    else throw new ConstructError(`cannot read '${t}' at column ${at + 1} of the formula '${text}' (use and, or, xor, not, parentheses and variable names)`);
  }
  return out;
}

/**
 * Reads a formula; its variables in order of first appearance.
 *
 *     parseFormula('A and not B').variables   // ['A', 'B']
 */
export function parseFormula(text: string): { formula: Formula; variables: string[] } {
  const tokens = tokenize(text);
  const variables: string[] = [];
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const fail = (what: string): never => {
    const t = peek();
    throw new ConstructError(`${what} ${t === undefined ? 'at the end' : `at column ${t.at + 1} ('${t.text}')`} of the formula '${text}'`);
  };
  const binary = (op: 'and' | 'or' | 'xor', next: () => Formula) => (): Formula => {
    let left = next();
    while (peek()?.kind === op) {
      i++;
      left = { op, left, right: next() };
    }
    return left;
  };
  const atom = (): Formula => {
    const t = peek();
    if (t === undefined) return fail('expected a variable');
    i++;
    if (t.kind === 'not') return { op: 'not', arg: atom() };
    if (t.kind === '0' || t.kind === '1') return { op: 'const', value: t.kind === '1' };
    if (t.kind === 'name') {
      if (!variables.includes(t.text)) variables.push(t.text);
      return { op: 'var', name: t.text };
    }
    if (t.kind === '(') {
      const inner = or();
      if (peek()?.kind !== ')') fail("expected ')'");
      i++;
      return inner;
    }
    i--;
    return fail('expected a variable');
  };
  const and = binary('and', atom);
  const xor = binary('xor', and);
  const or = binary('or', xor);
  const formula = or();
  if (i < tokens.length) fail('unexpected');
  if (variables.length === 0) throw new ConstructError(`the formula '${text}' has no variables`);
  return { formula, variables };
}

export function evaluateFormula(f: Formula, values: ReadonlyMap<string, boolean>): boolean {
  switch (f.op) {
    case 'var':
      return values.get(f.name) === true;
    case 'const':
      return f.value;
    case 'not':
      return !evaluateFormula(f.arg, values);
    case 'and':
      return evaluateFormula(f.left, values) && evaluateFormula(f.right, values);
    case 'or':
      return evaluateFormula(f.left, values) || evaluateFormula(f.right, values);
    case 'xor':
      return evaluateFormula(f.left, values) !== evaluateFormula(f.right, values);
  }
}
