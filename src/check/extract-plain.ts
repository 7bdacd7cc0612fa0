/**
 * Math in a plain-text file (.txt): each line holding a relation is one
 * piece of math, read in the plain syntax of `gradtex equal` first and as
 * LaTeX when that fails (`x^2 <= 2*x + 1`, `\frac{d}{dx} x^3 = 3x^2` and
 * `a ≤ b` all work). A line opening with a word that introduces a premise
 * (`let x > 0`, `where h = tanh(z)`, `assume …`) keeps that word as prose,
 * so the math after it is read as a fact, not a claim. Lines without a
 * relation are prose. A line with `$…$` math in it is prose with inline math
 * (each piece judged as in Markdown). `# gradtex: assume …` lines are directives.
 *
 *     extractPlain('let x > 0\nln(x) <= x - 1\n')
 *     // [{ kind: 'math', display: false, text: 'x > 0', offset: 4, syntax: 'plain' },
 *     //  { kind: 'math', display: true, text: 'ln(x) <= x - 1', offset: 10, syntax: 'plain' }]
 */
import { hasRelation } from './unjudged-relations.js';
import { ASSUME_DIRECTIVE, type Segment } from './segments.js';

/** A premise word opening a line, with the blanks after it. */
const PREMISE_LEAD = /^(?:let|for|where|given|assume|assuming|suppose|with|if|define|when|set)\b[ \t:,]*/i;

export function extractPlain(source: string): Segment[] {
  const out: Segment[] = [];
  let offset = 0;
  for (const line of source.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim().replace(/[.;]$/, '');
    const directive = ASSUME_DIRECTIVE.exec(line);
    if (directive !== null && directive[1] !== undefined) out.push({ kind: 'assume', text: directive[1], offset: offset + directive.index + directive[0].indexOf(directive[1]) });
    else if (/\$[^$\n]+\$/.test(line)) {
      // A line of prose with $…$ math (a plain-text email or notes): each piece is inline math, premise or claim by its prose.
      for (const m of line.matchAll(/\$([^$\n]+)\$/g)) out.push({ kind: 'math', display: false, text: m[1] ?? '', offset: offset + (m.index ?? 0) + 1 });
    } else if (body !== '' && hasRelation(body)) {
      const premise = PREMISE_LEAD.exec(body);
      const skip = premise === null ? 0 : premise[0].length;
      out.push({ kind: 'math', display: premise === null, text: body.slice(skip), offset: offset + lead + skip, syntax: 'plain' });
    }
    offset += line.length + 1;
  }
  return out;
}
