/**
 * Constraints stated in words around inline math, for the common cases of
 * deep-learning homework:
 *
 *     "$p$ and $q$ are (probability) distributions", "$p$ is a probability vector",
 *     "distributions $p$ and $q$"        -> entries > 0 summing to 1 (a simplex over the family p_i)
 *     "$y$ is one-hot", "one-hot label $y$" -> entries in {0, 1}, exactly one of them 1
 *     "$p$ is a probability", "probabilities $p_i$" -> each in [0, 1]
 *     "$x$ is positive / negative / nonnegative / nonzero" -> a sign
 *
 * A constraint in words that is recognised as one but not understood ("$W$ is
 * orthogonal", "$A$ is symmetric") is returned as `unread`: a failure in its
 * scope may lie outside it, so the caller makes such failures undecided.
 *
 *     factsInWords('p', 'Let ', ' and $q$ are distributions.')   // { facts: [p a distribution], unread: undefined }
 */
import { sym } from '../expr/build.js';
import type { Sym } from '../expr/node.js';
import { ParseError, parseLatex } from '../parse/index.js';
import type { Fact, Sign } from './facts.js';
import { splitTopLevelCommas } from './top-level-commas.js';

export interface WordFacts {
  readonly facts: readonly Fact[];
  /** The words of a constraint recognised but not understood ("is orthogonal"). */
  readonly unread?: string;
  /** The names the words speak about (W in "$W$ is orthogonal"). */
  readonly subjects?: readonly string[];
  /** Read from a quantifier ("for positive $r$"): the facts hold for its sentence only. */
  readonly quantified?: boolean;
}

/** Other inline math in the context stands for one more subject of a list ("$p$ and $q$ are …"). */
const MATH = /\$[^$\n]*\$|\\\([^]*?\\\)/g;
const LIST_AFTER = String.raw`^\s*(?:(?:,|\band\b)\s*M\s*)*(?:,?\s*\band\b\s*M\s*)?,?\s*(?:are|is|be)\s+(?:both\s+|each\s+|all\s+)?(?:assumed\s+to\s+be\s+|taken\s+to\s+be\s+)?(?:an?\s+|the\s+)?`;
const LIST_BEFORE = String.raw`\s*(?:M\s*(?:,|\band\b)\s*)*$`;

const DISTRIBUTION_AFTER = new RegExp(`${LIST_AFTER}(?:discrete\\s+|categorical\\s+)?(?:probability\\s+)?(?:distributions?|probability\\s+vectors?|vectors?\\s+of\\s+probabilities)\\b`, 'i');
const DISTRIBUTION_BEFORE = new RegExp(`\\b(?:probability\\s+)?(?:distributions?|probability\\s+vectors?)${LIST_BEFORE}`, 'i');
const ONE_HOT_AFTER = new RegExp(`${LIST_AFTER}one[- ]hot\\b`, 'i');
const ONE_HOT_BEFORE = new RegExp(`\\bone[- ]hot(?:\\s+encoded)?(?:\\s+(?:labels?|targets?|vectors?|encodings?))?${LIST_BEFORE}`, 'i');
const PROBABILITY_AFTER = new RegExp(`${LIST_AFTER}probabilit(?:y|ies)\\b`, 'i');
const PROBABILITY_BEFORE = new RegExp(`\\bprobabilit(?:y|ies)${LIST_BEFORE}`, 'i');
const SIGN_AFTER = new RegExp(`${LIST_AFTER}(?:(strictly\\s+)?positive|negative|non-?negative|non-?zero)\\b(?!\\s+(?:definite|semi|or\\b))`, 'i');
/**
 * "for positive $r$", "for every nonzero $x$", "let nonnegative $a$ …": the sign before the name, after a
 * word that makes it a premise. Not before "integer(s)" or another noun that narrows the set further
 * ("for positive integers $n$" is n ∈ {1, 2, …}, not n > 0).
 */
const SIGN_BEFORE = new RegExp(`\\b(?:for|let|given|with|take|fix|consider)\\s+(?:all\\s+|every\\s+|any\\s+|each\\s+|some\\s+|a\\s+|an\\s+)?((?:strictly\\s+)?positive|negative|non-?negative|non-?zero)(?:\\s+(?:real\\s+)?(?:numbers?|reals?|values?|scalars?))?${LIST_BEFORE}`, 'i');
/** "for $r$ positive", "for $r$ and $s$ nonnegative": a premise word before the name, the sign right after it. */
const PREMISE_BEFORE = new RegExp(`\\b(?:for|let|given|with|take|fix|consider)\\s+(?:all\\s+|every\\s+|any\\s+|each\\s+|some\\s+)?${LIST_BEFORE}`, 'i');
const SIGN_POSTFIX = /^\s*(?:(?:,|\band\b)\s*M\s*)*,?\s*((?:strictly\s+)?positive|negative|non-?negative|non-?zero)\b(?!\s+(?:definite|semi|or\b))/i;
/** "except for", "unless", "other than" right before the premise: the sign says where the claim is not made. */
const NEGATED_PREMISE = /\b(except|unless|excluding|other\s+than|apart\s+from|but\s+not|save\s+for)\b[^.;:!?]{0,60}$/i;
/** A noun after the sign that narrows the set further ("a positive integer", "positive and odd"). */
const NARROWING_NOUN = /\b(?:integers?|natural(?:\s+numbers?)?|naturals|whole\s+numbers?|odd|even|primes?|rationals?|rational\s+numbers?)\b/i;
/** "for positive integers $n$", "for all odd $k$", "for sufficiently small $h$": a premise word, then words that narrow the set. */
const NARROWED_BEFORE = new RegExp(`\\b(?:for|let|given|with|take|fix|consider)\\s+(?:all\\s+|every\\s+|any\\s+|each\\s+|some\\s+|a\\s+|an\\s+)?((?:[A-Za-z-]+\\s+){0,2}(?:integers?|natural(?:\\s+numbers?)?|naturals|odd|even|primes?|rational(?:\\s+numbers?)?|distinct|sufficiently\\s+(?:small|large)|small|large)(?:\\s+(?:numbers?|values?))?)${LIST_BEFORE}`, 'i');
/** Words that constrain a symbol in ways not read here. */
const OTHER_AFTER = new RegExp(`${LIST_AFTER}((?:symmetric|orthogonal|orthonormal|invertible|normali[sz]ed|unit|binary|integers?|bounded|stochastic|sorted|diagonal|sparse|positive\\s+(?:semi-?)?definite|monotone|increasing|decreasing|convex|concave|independent|i\\.i\\.d\\.?|small|large)\\b[\\w-]*)`, 'i');

function parseSubject(text: string): Sym | undefined {
  try {
    const e = parseLatex(text);
    // p, y, p_i, y_k: the family's name (an index written with it is a symbol, not a number).
    if (e.kind !== 'sym' || e.sup.length > 0 || e.sub.length > 1 || e.sub.some((i) => i.kind !== 'sym')) return undefined;
    return e;
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}

function signOf(word: string): Sign {
  const w = word.toLowerCase().replace(/\s+/g, ' ');
  if (w.startsWith('non')) return w.includes('zero') ? 'nonzero' : 'nonnegative';
  return w.includes('negative') ? 'negative' : 'positive';
}

/**
 * Facts that words around one piece of inline math `math` state about it:
 * `before` and `after` are the prose on either side (other inline math in
 * them kept with its dollars).
 */
export function factsInWords(math: string, before: string, after: string): WordFacts {
  const subjects = splitTopLevelCommas(math).map(parseSubject);
  if (subjects.length === 0 || subjects.some((s) => s === undefined)) return { facts: [] };
  const syms = subjects as Sym[];
  const pre = before.replace(/(?:\$+|\\\()\s*$/, '').replace(MATH, ' M ');
  const post = after.replace(/^\s*(?:\$+|\\\))/, '').replace(MATH, ' M ');
  const family = (s: Sym, oneHot: boolean): Fact => ({ kind: 'simplex-indexed', name: s.name, size: sym('n'), sizeFromSums: true, ...(oneHot ? { oneHot } : {}) });
  if (ONE_HOT_AFTER.test(post) || ONE_HOT_BEFORE.test(pre)) return { facts: syms.map((s) => family(s, true)) };
  if (DISTRIBUTION_AFTER.test(post) || DISTRIBUTION_BEFORE.test(pre)) return { facts: syms.map((s) => family(s, false)) };
  if (PROBABILITY_AFTER.test(post) || PROBABILITY_BEFORE.test(pre)) {
    return { facts: syms.map((s): Fact => ({ kind: 'interval', sym: s, lo: 0, hi: 1, integer: false })) };
  }
  // "for positive integers $n$", "for odd $k$": a condition in words not read here (never a wider domain assumed).
  const narrowed = NARROWED_BEFORE.exec(pre);
  if (narrowed !== null) return { facts: [], unread: (narrowed[1] ?? '').trim().replace(/\s+/g, ' '), subjects: syms.map((s) => s.name) };
  const names = syms.map((s) => s.name);
  const signBefore = SIGN_BEFORE.exec(pre);
  const signPostfix = signBefore === null && PREMISE_BEFORE.test(pre) ? SIGN_POSTFIX.exec(post) : null;
  const sign = signBefore === null && signPostfix === null ? SIGN_AFTER.exec(post) : null;
  if (signBefore !== null || signPostfix !== null || sign !== null) {
    // "except for positive $r$", "unless $r$ is positive": the sign is where the claim is NOT made; "$n$ is a positive
    // integer": a narrower set than the sign. Either way a condition not read (never the sign itself as the domain).
    const clause = post.slice(0, /[.;:!?]/.exec(post)?.index ?? post.length);
    const negation = NEGATED_PREMISE.exec(pre);
    const signWord = (signBefore ?? signPostfix)?.[1] ?? (sign === null ? '' : post.slice(sign.index).replace(/^[^]*?\b((?:strictly\s+)?positive|negative|non-?negative|non-?zero)\b[^]*$/i, '$1'));
    if (negation !== null) return { facts: [], unread: `${signWord.toLowerCase()}, after "${(negation[1] ?? '').toLowerCase()}"`, subjects: names };
    if (sign !== null || signPostfix !== null) {
      const narrow = NARROWING_NOUN.exec(clause);
      if (narrow !== null) return { facts: [], unread: `is ${narrow[0].trim()}`, subjects: names };
    }
  }
  if (signBefore !== null) return { facts: syms.map((s): Fact => ({ kind: 'sign', sym: s, sign: signOf(signBefore[1] ?? '') })), quantified: true };
  if (signPostfix !== null) return { facts: syms.map((s): Fact => ({ kind: 'sign', sym: s, sign: signOf(signPostfix[1] ?? '') })), quantified: true };
  if (sign !== null) {
    const word = post.slice(sign.index).replace(/^[^]*?\b((?:strictly\s+)?positive|negative|non-?negative|non-?zero)\b[^]*$/i, '$1');
    return { facts: syms.map((s): Fact => ({ kind: 'sign', sym: s, sign: signOf(word) })) };
  }
  // "$x$ is not positive", "$x$ is nonpositive": a constraint, not read here.
  const negated = new RegExp(`${LIST_AFTER}(not\\s+[\\w-]+|non-?positive)`, 'i').exec(post);
  if (negated !== null) return { facts: [], unread: `is ${negated[1] ?? ''}`, subjects: names };
  const other = OTHER_AFTER.exec(post);
  if (other !== null) return { facts: [], unread: `is ${other[1] ?? ''}`, subjects: names };
  return { facts: [] };
}
