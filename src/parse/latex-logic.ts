/**
 * Quantifiers, implications and arrows (\forall, \exists, \Rightarrow,
 * \implies, \iff, an update w \leftarrow w - \eta g, …): named and refused,
 * so the checker can report the relation as "not read" instead of judging
 * something else. A statement with a
 * quantifier is not an expression, and reading `a \Rightarrow b` as anything
 * at all would be a silent misreading.
 *
 *     a \Rightarrow b   ->  E_PARSE_UNSUPPORTED "'\Rightarrow': quantifiers/implications are not read"
 */
import type { LatexFamilyReader } from './latex-reader.js';

/** The commands refused, with what they are. */
export const LOGIC_COMMANDS: Readonly<Record<string, string>> = {
  forall: 'a quantifier',
  exists: 'a quantifier',
  nexists: 'a quantifier',
  Rightarrow: 'an implication',
  Longrightarrow: 'an implication',
  implies: 'an implication',
  Leftarrow: 'an implication',
  impliedby: 'an implication',
  iff: 'an equivalence',
  Leftrightarrow: 'an equivalence',
  Longleftrightarrow: 'an equivalence',
  land: 'a conjunction',
  wedge: 'a conjunction',
  lor: 'a disjunction',
  vee: 'a disjunction',
  neg: 'a negation',
  lnot: 'a negation',
  rightarrow: 'an arrow',
  longrightarrow: 'an arrow',
  leftarrow: 'an assignment or an arrow',
  gets: 'an assignment',
  mapsto: 'a map',
  therefore: 'a conclusion',
  because: 'a reason',
};

export const readLogic: LatexFamilyReader = (p, t) =>
  p.fail('E_PARSE_UNSUPPORTED', `'\\${t.text}' (${LOGIC_COMMANDS[t.text] ?? 'logic'}): quantifiers/implications are not read; check each relation on its own`, t);
