/**
 * Every relation a student writes is accounted for: judged (display chains
 * and inline claims), a premise (inline definitions and assumptions), or
 * "not read" with the reason, each at its own line. The documents in
 * tests/fixtures/accounting/ are written the way students write; every
 * relation in them is labelled here by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument, DocumentError, documentKind, type DocumentReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { summaryLine, tally } from '../../src/check/report.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const dir = join(import.meta.dirname, '..', 'fixtures', 'accounting');

/** ok: proved or holds. */
type Label = 'ok' | 'fails' | 'undecided' | 'not read' | 'definition' | 'assumption';

/** What the report says at each line, in document order: one entry per relation. */
function outcomes(r: DocumentReport): string[] {
  const all: { line: number; col: number; what: Label }[] = [
    ...r.chains.flatMap((c) => c.steps.map((s) => ({ line: s.line, col: s.col, what: (s.verdict === 'proved' || s.verdict === 'holds' ? 'ok' : s.verdict) as Label }))),
    ...r.premises.map((p) => ({ line: p.line, col: p.col, what: p.kind })),
    ...r.notRead.map((n) => ({ line: n.line, col: n.col, what: 'not read' as const })),
  ];
  return all.sort((a, b) => a.line - b.line || a.col - b.col).map((o) => `${o.line}: ${o.what}`);
}

const check = (f: string): DocumentReport => checkDocument(checker, readFileSync(join(dir, f), 'utf8'), documentKind(f));

describe('every relation accounted for', () => {
  it('should account for every relation of a Markdown homework: inline claims judged, premises apart, connectives not read', () => {
    expect(outcomes(check('neuron.md'))).toEqual([
      '3: definition', // Let $s_1 = w x + b$
      '3: definition', // and $a_1 = \tanh(s_1)$
      '3: assumption', // for $x > 0$
      '5: ok', // display: d a_1 / d s_1
      '7: ok', // Hence $a_1 = \tanh(w x + b)$: a claim about a defined name
      '7: ok', // so d a_1 / d b = 1 - a_1^2
      '9: fails', // So d a_1 / d w = 1 - a_1^2: the factor x is missing
      '11: ok', // \[ … \] in Markdown
      '13: not read', // x > 1 \Rightarrow x^2 > 1
      '13: ok', // \(e^{0} = 1\) in Markdown
      '16: ok', // ```math block
      '20: ok', // $$\begin{aligned} on the fence line
      '21: ok',
      '24: fails', // a wrong restatement of a_1 is a claim, never a redefinition
    ]); // the ``` code block's y = 2 y is not math
  });

  it('should count found, proved, hold, fail, undecided, not read, and premises apart', () => {
    const t = tally(check('neuron.md'));
    expect(t).toEqual({ proved: 8, holds: 0, fails: 2, undecided: 0, notRead: 1, definitions: 2, assumptions: 1 });
    expect(summaryLine('neuron.md', t)).toBe('neuron.md: 11 relations found: 8 proved, 0 hold, 2 fail, 0 undecided, 1 not read; 2 definitions, 1 assumption');
    expect(tally(check('derivation.tex'))).toEqual({ proved: 8, holds: 1, fails: 1, undecided: 0, notRead: 1, definitions: 1, assumptions: 1 });
  });

  it('should report a wrong inline claim failing at its own line and column', () => {
    const r = check('neuron.md');
    const line = readFileSync(join(dir, 'neuron.md'), 'utf8').split('\n')[8] ?? '';
    const failing = r.chains.flatMap((c) => c.steps).find((s) => s.verdict === 'fails');
    expect(failing).toMatchObject({ line: 9, col: line.indexOf('1 - a_1^2') + 1, lhs: '\\frac{\\partial a_1}{\\partial w}' });
    expect(r.chains.find((c) => c.line === 9)?.inline).toBe(true);
  });

  it('should list a relation with \\Rightarrow as not read with the reason, never drop it', () => {
    const r = check('neuron.md');
    expect(r.notRead).toEqual([{ line: 13, col: 10, latex: 'x > 1 \\Rightarrow x^2 > 1', reason: expect.stringContaining('\\Rightarrow, an implication') as string }]);
  });

  it('should read LaTeX as people write it: align, alignat, intertext, multline, gather, split, \\(…\\), math; not comments, \\iffalse, verbatim; algorithmic not read', () => {
    const r = check('derivation.tex');
    expect(outcomes(r)).toEqual([
      '10: definition', // Let $y = 3 x^2$
      '12: ok', // dy/dx = 6x
      '13: assumption', // \intertext{and for $x > 0$}
      '14: ok', // \ln x \le x - 1, with x > 0 from the intertext
      '17: ok', // alignat: a + a = 2a
      '17: ok', // … and, side by side, b \cdot b = b^2
      '20: ok', // multline: (x+1)^2 = x^2 + 2x + 1 over two lines
      '24: ok', // gather
      '25: fails', // e^{\ln x} = x + 1
      '29: ok', // split inside equation
      '32: ok', // so \(x^3 > 0\)
      '34: not read', // \State $i = i + 1$ in algorithmic
      '36: ok', // \begin{math} 1 + 1 = 2 \end{math}
    ]);
    const ln = r.chains.flatMap((c) => c.steps).find((s) => s.line === 14);
    expect(ln?.verdict).toBe('proved');
    expect(ln?.facts).toEqual([{ fact: 'x > 0', line: 13, col: 21 }]);
  });

  it('should read a plain-text file line by line, plain syntax or LaTeX', () => {
    expect(outcomes(check('notes.txt'))).toEqual([
      '2: assumption', // let x > 0
      '3: ok', // ln(x) <= x - 1
      '4: ok', // d(x^3, x) = 3*x^2
      '5: ok', // \frac{d}{dx} x^2 = 2x
      '6: fails', // 2*x + 3 = 2*(x + 3)
      '7: ok', // x^2 ≥ 0
      '8: not read', // f(x) → 0
    ]);
  });

  it('should make an environment never closed bad input at its \\begin', () => {
    const src = 'Text.\n\n  \\begin{align}\na &= b\n';
    expect(() => checkDocument(checker, src, 'tex')).toThrow(DocumentError);
    try {
      checkDocument(checker, src, 'tex');
    } catch (e) {
      expect(e).toMatchObject({ line: 3, col: 3, message: expect.stringContaining('\\begin{align} is never closed') as string });
    }
    expect(() => checkDocument(checker, 'a\n\\iffalse\n$1 = 2$\n', 'tex')).toThrow(/\\iffalse is never closed/);
    expect(() => checkDocument(checker, 'see \\[ x = 1\n', 'tex')).toThrow(/never closed/);
  });

  it('should never take a claim about a defined or used name for a definition', () => {
    const doc = 'Let $h = x^2$.\n\nSo $h = x^3$, and $h \\ge 0$.\n\n$$g = x + 1$$\n\nHence $g = x - 1$.\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(outcomes(r)).toEqual(['1: definition', '3: fails', '3: ok', '5: definition', '7: fails']);
    // With a premise word it is a redefinition that says what it replaces.
    const re = checkDocument(checker, 'Let $h = x^2$.\n\nNow let $h = x^3$.\n\n$$\\frac{dh}{dx} = 3x^2$$\n', 'markdown');
    expect(re.premises[1]?.summary).toMatch(/^redefines h = x\^3 \(was h = x\^2, line 1\)/);
    expect(outcomes(re)).toEqual(['1: definition', '3: definition', '5: ok']);
  });

  it('should judge a condition after an inline claim with the claim, and never fail an identity the prose leans on', () => {
    const r = checkDocument(checker, 'We know $\\ln x \\le x - 1$ for every $x > 0$.\n\nUsing $\\ln u \\le u - 2$ we go on.\n', 'markdown');
    expect(r.chains.flatMap((c) => c.steps).map((s) => s.verdict)).toEqual(['proved', 'undecided']);
  });

  it('should split equations side by side in one align row, and keep eqnarray\'s a &=& b one equation', () => {
    const r = checkDocument(checker, '\\begin{align}\na &= 2 & b &= 3 \\\\\n  &= 1 + 1 & &= 1 + 2\n\\end{align}\n\\begin{eqnarray}\nc &=& c + 0\n\\end{eqnarray}\n', 'tex');
    expect(r.chains.map((c) => c.steps.map((s) => `${s.lhs} ${s.rel} ${s.rhs}: ${s.verdict}`))).toEqual([
      ['a = 2: definition', '2 = 1 + 1: proved'],
      ['b = 3: definition', '3 = 1 + 2: proved'],
      ['c = c + 0: proved'],
    ]);
  });
});

describe('a condition column is prose', () => {
  it('should read `f(x) &= x & \\text{if } x > 0` as one definition, the condition not a claim', () => {
    const r = checkDocument(checker, '\\begin{align*}\nf(x) &= x & \\text{if } x > 0\n\\end{align*}\n', 'tex');
    expect(r.chains.flatMap((c) => c.steps).map((s) => `${s.lhs} ${s.rel} ${s.rhs}: ${s.verdict}`)).toEqual(['f(x) = x: definition']);
  });
});

describe('bracketed math in Markdown', () => {
  it('should read \\(…\\) and \\[…\\] in paragraphs, headings and table cells, never inside code', () => {
    const doc = '## Show \\(x^2 \\ge 0\\)\n\n| a | b |\n|---|---|\n| \\(1 = 2\\) | `\\(3 = 4\\)` |\n\nText \\[ 2 + 2 = 4 \\] end.\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(r.chains.flatMap((c) => c.steps).map((s) => `${s.line}: ${s.lhs} ${s.rel} ${s.rhs}: ${s.verdict}`)).toEqual(['1: x^2 >= 0: proved', '5: 1 = 2: fails', '7: 2 + 2 = 4: proved']);
  });
});

describe('a quantifier closing a relation', () => {
  it('should read `\\forall x > 0` and `\\forall x \\in \\mathbb{R}` as the relation\'s domain, and leave an unread set not read', () => {
    const doc = '$$ \\sqrt{x^2} = x \\quad \\forall x > 0 $$\n\n$$ (x+1)^2 = x^2 + 2x + 1 \\qquad \\forall x \\in \\mathbb{R} $$\n\n$$ \\sqrt{x^2} = x \\quad \\forall x \\in S $$\n\n$$ \\sqrt{x^2} = x $$\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(outcomes(r)).toEqual(['1: ok', '3: ok', '5: not read', '7: fails']);
    expect(r.notRead[0]?.reason).toContain('\\forall, a quantifier');
  });
});

describe('premise words earlier in the sentence', () => {
  it('should judge "Using the chain rule, $…$" as a claim, and leave a supposition unjudged', () => {
    const doc = 'Let $h = x^2$.\n\nUsing the chain rule, $\\frac{dh}{dx} = 3x$.\n\nSuppose for a moment that $\\sigma(z) = y$.\n\nModel B uses a ReLU instead, $h = \\max(0, x)$.\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(outcomes(r)).toEqual(['1: definition', '3: fails', '5: not read', '7: definition']);
    expect(r.premises[1]?.summary).toMatch(/^redefines h/);
  });
});

describe('a function signature', () => {
  it('should take `f: \\mathbb{R} \\to \\mathbb{R}` as an assumption with nothing to add, and a limit `f(x) \\to 0` as not read', () => {
    const r = checkDocument(checker, 'Let $f: \\mathbb{R} \\to \\mathbb{R}$. Then $f(x) \\to 0$.\n', 'markdown');
    expect(outcomes(r)).toEqual(['1: assumption', '1: not read']);
  });
});

describe('relations side by side', () => {
  it('should judge `a \\text{ and } b` and `a, \\quad b` as two relations, and leave `a \\text{ or } b` not read', () => {
    const doc = '$$ 1 + 1 = 2, \\quad 2 + 2 = 4 $$\n\n$$ 1 + 1 = 2 \\text{ and } 2 + 2 = 5 $$\n\n$$ 1 + 1 = 2 \\text{ or } 2 + 2 = 5 $$\n';
    expect(outcomes(checkDocument(checker, doc, 'markdown'))).toEqual(['1: ok', '1: ok', '3: ok', '3: fails', '5: not read']);
  });
});
