/**
 * Relations gradtex finds but does not judge: implications, equivalences,
 * limits and mappings (`\to`), quantifiers, memberships, distributions
 * (`\sim`), proportionality. Math holding one of them outside braces is
 * reported "not read" with the reason, never dropped and never judged as if
 * the connective were not there (`x > 1 \Rightarrow x^2 > 1` does not claim
 * `x > 1`). Inside braces they belong to a subscript or an argument
 * (`\lim_{x \to 0}`, `\sum_{i \in S}`) and are left to the parser.
 *
 *     unjudgedRelations('x > 1 \\Rightarrow x^2 > 1')   // [{ start: 6, end: 17, reason: 'an implication (\\Rightarrow) …' }]
 *     hasRelation('\\sigma(x)')                          // false
 */
import { blankLayout, splitRelations } from '../parse/split-relations.js';

/** One connective found, with its offsets in the math and why it is not judged. */
export interface UnjudgedRelation {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

const IMPLICATION = 'an implication, which gradtex does not judge (judge each side as its own relation)';
const EQUIVALENCE = 'an equivalence, which gradtex does not judge';
const ARROW = 'a limit or a mapping, which gradtex does not judge';
const QUANTIFIER = 'a quantifier, which gradtex does not read';
const MEMBERSHIP = 'a membership in a set gradtex does not read as a fact';
const ORDER = 'a relation gradtex does not judge';

/** Command (without backslash) -> what it states. */
const COMMANDS: ReadonlyMap<string, string> = new Map([
  ['Rightarrow', IMPLICATION], ['implies', IMPLICATION], ['Longrightarrow', IMPLICATION], ['Leftarrow', IMPLICATION], ['impliedby', IMPLICATION], ['Longleftarrow', IMPLICATION],
  ['iff', EQUIVALENCE], ['Leftrightarrow', EQUIVALENCE], ['Longleftrightarrow', EQUIVALENCE], ['leftrightarrow', EQUIVALENCE],
  ['to', ARROW], ['rightarrow', ARROW], ['longrightarrow', ARROW], ['mapsto', ARROW], ['searrow', ARROW], ['nearrow', ARROW],
  ['forall', QUANTIFIER], ['exists', QUANTIFIER], ['nexists', QUANTIFIER],
  ['in', MEMBERSHIP], ['notin', MEMBERSHIP], ['ni', MEMBERSHIP], ['subset', MEMBERSHIP], ['subseteq', MEMBERSHIP], ['supset', MEMBERSHIP], ['supseteq', MEMBERSHIP],
  ['sim', 'a distribution or similarity (\\sim), which gradtex does not judge'], ['propto', 'a proportionality, which gradtex does not judge'],
  ['lesssim', ORDER], ['gtrsim', ORDER], ['lessapprox', ORDER], ['gtrapprox', ORDER], ['doteq', ORDER], ['eqsim', ORDER], ['approxeq', ORDER], ['backsim', ORDER], ['thicksim', ORDER], ['thickapprox', ORDER],
  ['simeq', ORDER], ['cong', ORDER], ['asymp', ORDER], ['ll', ORDER], ['gg', ORDER], ['prec', ORDER], ['succ', ORDER], ['preceq', ORDER], ['succeq', ORDER], ['models', ORDER], ['vdash', ORDER],
]);

/** The same connectives typed as Unicode characters. */
const CHARACTERS: ReadonlyMap<string, string> = new Map([
  ['⇒', IMPLICATION], ['⟹', IMPLICATION], ['⇐', IMPLICATION], ['⇔', EQUIVALENCE], ['⟺', EQUIVALENCE], ['↔', EQUIVALENCE],
  ['→', ARROW], ['↦', ARROW], ['∀', QUANTIFIER], ['∃', QUANTIFIER], ['∈', MEMBERSHIP], ['∉', MEMBERSHIP], ['⊂', MEMBERSHIP], ['⊆', MEMBERSHIP],
  ['∼', 'a distribution or similarity, which gradtex does not judge'], ['∝', 'a proportionality, which gradtex does not judge'], ['≪', ORDER], ['≫', ORDER],
]);

/** The connectives outside braces in a block of math (layout blanked first, offsets kept). */
export function unjudgedRelations(math: string): UnjudgedRelation[] {
  const text = blankLayout(math);
  const out: UnjudgedRelation[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      const m = /^\\([A-Za-z]+)/.exec(text.slice(i, i + 24));
      if (m === null) {
        i++;
        continue;
      }
      const name = m[1] as string;
      const what = COMMANDS.get(name);
      if (depth === 0 && what !== undefined) out.push({ start: i, end: i + m[0].length, reason: `uses \\${name}, ${what}` });
      i += m[0].length - 1;
    } else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const what = CHARACTERS.get(c);
      if (what !== undefined) out.push({ start: i, end: i + 1, reason: `uses ${c}, ${what}` });
    }
  }
  // Connectives in words: `a = b \text{ or } a = -b` is a disjunction, not two claims.
  for (const m of math.matchAll(/\\(?:text|textrm|mbox)\s*\{\s*(or|iff|implies|if and only if)\s*\}/g)) {
    const word = m[1] ?? '';
    out.push({ start: m.index, end: m.index + m[0].length, reason: `uses "${word}", ${word === 'or' ? 'a disjunction' : 'an implication or equivalence'}, which gradtex does not judge` });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Does the math state any relation, judged or not? (`\sigma(x)` does not; `a = b`, `x \in S`, `f \to 0` do.) */
export function hasRelation(math: string): boolean {
  if (unjudgedRelations(math).length > 0) return true;
  try {
    return splitRelations(math).some((c) => c.rels.length > 0);
  } catch {
    return true; // a relation the splitter cannot take apart is still a relation, reported not read
  }
}
