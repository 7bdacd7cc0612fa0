/**
 * The relations a derivation step can state, and how they are spelled in
 * LaTeX and in the plain syntax of `gradtex equal`.
 *
 *     relationOf('\\leq')   // '<='
 *     flip('<')             // '>'
 */
/** `=>` and `<=>` join two relations (an implication, an equivalence) and are judged by judge-implication.ts, never as a step between expressions. */
export type Relation = '=' | '<=' | '>=' | '<' | '>' | '!=' | '~=' | '=>' | '<=>';

/** LaTeX command (without backslash) -> relation. */
export const LATEX_RELATIONS: ReadonlyMap<string, Relation> = new Map<string, Relation>([
  ['le', '<='], ['leq', '<='], ['leqslant', '<='], ['lt', '<'],
  ['ge', '>='], ['geq', '>='], ['geqslant', '>='], ['gt', '>'],
  ['ne', '!='], ['neq', '!='],
  ['approx', '~='],
]);

/** Plain or LaTeX spelling -> relation; undefined when it is not one. */
export function relationOf(text: string): Relation | undefined {
  if (text.startsWith('\\')) return LATEX_RELATIONS.get(text.slice(1));
  switch (text) {
    case '=': case '==': return '=';
    case '<=': case '≤': return '<=';
    case '>=': case '≥': return '>=';
    case '<': return '<';
    case '>': return '>';
    case '!=': case '≠': return '!=';
    case '~=': case '≈': return '~=';
    default: return undefined;
  }
}

/** a R b  <=>  b flip(R) a. */
export function flip(r: Relation): Relation {
  switch (r) {
    case '<=': return '>=';
    case '>=': return '<=';
    case '<': return '>';
    case '>': return '<';
    default: return r;
  }
}

export function isInequality(r: Relation): r is '<=' | '>=' | '<' | '>' {
  return r === '<=' || r === '>=' || r === '<' || r === '>';
}

/** The LaTeX a report prints for the relation. */
export function relationLatex(r: Relation): string {
  switch (r) {
    case '=': return '=';
    case '<=': return '\\le';
    case '>=': return '\\ge';
    case '<': return '<';
    case '>': return '>';
    case '!=': return '\\ne';
    case '~=': return '\\approx';
    case '=>': return '\\Rightarrow';
    case '<=>': return '\\iff';
  }
}
