/**
 * Inline math in prose is a premise or a claim, and the rule is:
 *
 * 1. A premise is math that the prose introduces as one: a premise word
 *    right before it ("let", "for", "where", "given", "assume", "suppose",
 *    "with", "if", "when", "define", "set", "take", "uses", "at"), or before
 *    the list of inline math it belongs to, or earlier in its sentence with
 *    no conclusion word after it ("Model B uses a ReLU instead, $h = …$");
 *    or math the fact reader takes as a domain or a new definition
 *    (`$x > 0$`, `$y \in \{-1, 1\}$`, `$h = \tanh(z)$` with h new). Its
 *    facts hold in their scope (see fact-ledger.ts) and it is reported as a
 *    definition or an assumption, never as a claim.
 * 2. A claim is everything else with a relation: "so $\sigma'(x) = \sigma(x)(1 - \sigma(x))$",
 *    "hence $a_1 = f(s_1)$" with a_1 defined earlier. It is judged exactly as
 *    a display step is (judge-math.ts), at its own line:col; a condition
 *    after it in its sentence ("for every $x > 0$") holds for it.
 * 3. Math right after a word that draws a conclusion ("so", "hence",
 *    "then", "we get") is a claim even when it reads as a domain ("so
 *    $x \ge 0$" is judged, not assumed). A symbol already defined, or
 *    already used by a claim in the section, is never silently redefined:
 *    `$h = …$` or `$h > 0$` about it without a premise word is a claim (a
 *    wrong one fails). With a premise word ("now let $h = w^2 x$") it is a
 *    redefinition that takes over from there, reported as a definition that
 *    says what it replaces.
 * 4. A premise the fact reader cannot read is never reported `fails` (a
 *    definition must not be): an identity the prose leans on ("using
 *    $\ln u \le u - 1$") is judged, with `fails` weakened to `undecided`;
 *    any other ("for $w x > 0$", "where $\frac{1}{x} - 1 = 0$") is listed as
 *    not read, and a failure in the scope of an unread inequality becomes
 *    `undecided`.
 * 5. A number given to a name (`$w = 2$`, `$(w_1, w_2) = (2, 1)$`, whatever
 *    the word before it, unless one that draws a conclusion) is a worked
 *    example's value when the name has no other definition in scope: see
 *    worked-example.ts for its scope and how the claims after it are judged.
 *
 *     readInline(ctx, premises, { kind: 'math', display: false, text: 'x > 0', offset: 4 })   // 'premise'
 */
import { definesMember } from './indexed-definitions.js';
import { sym } from '../expr/build.js';
import { symKey } from '../expr/sym-key.js';
import { symbolsOf } from '../expr/traverse.js';
import { lineCol, tryParseLatex } from '../parse/index.js';
import type { Premise } from './document-report.js';
import { FactError, type Fact } from './facts.js';
import { functionInWords } from './function-definitions.js';
import { supersedes } from './index-conditions.js';
import { notReadAt, type MathContext } from './judge-math.js';
import { primeOfDefinedFunction, startsWithPrimeOfDefinedFunction } from './primed-names.js';
import { premiseAsClaim } from './premise-claims.js';
import { readFacts } from './read-facts.js';
import { allSymbols } from './fact-ledger.js';
import { forwardRecurrence, isFamilySymbol, isRecurrence } from './indexed-definitions.js';
import { recordRecurrence } from './recurrence-closed-form.js';
import type { Expr, Sym } from '../expr/node.js';
import { splitRelations } from '../parse/split-relations.js';
import type { Segment } from './segments.js';
import { hasRelation, unjudgedRelations } from './unjudged-relations.js';
import { unbalancedBrace } from './unbalanced-braces.js';
import { factsInWords } from './word-facts.js';
import { isValue, tupleValues } from './worked-example.js';
import { disjunctionMember, negatedPremise } from './negated-premises.js';
import { widenedDomains } from './widened-domains.js';

type MathSegment = Extract<Segment, { kind: 'math' }>;

/** Prose right before inline math that makes it a premise. */
const PREMISE_WORD = /\b(let|lets|for|where|given|assume|assuming|suppose|supposing|with|if|when|whenever|define|defining|set|setting|fix|take|provided|uses?|using|denote|denoting|at)(?:\s+(?:that|we|us|now))?\s*$/i;
/** A function's signature, `f: \mathbb{R} \to \mathbb{R}`, `\sigma : \mathbb{R}^n \rightarrow (0, 1)^n`. */
const SIGNATURE = /^\s*\\?[A-Za-z]+(?:_\{?\w+\}?)?\s*:\s*[^:=<>]*\\(?:to|rightarrow|longrightarrow)(?![A-Za-z])[^:=<>]*$/;
/** Prose right before inline math that makes it a conclusion, a claim even when it reads as a domain ("so $x \ge 0$"). */
const CONCLUDES = /\b(so|hence|thus|therefore|then|get|gets|obtain|gives?|shows?|implies|conclude|deduce)(?:\s+(?:that|we\s+get))?\s*$/i;
/** Prose right before inline math that recalls a definition ("since $\hat y = wx$"); a fact after it is still a claim. */
const RECALLS = /\b(?:since|because|recall(?:\s+that)?)\s*$/i;
/** Prose just before `$y = 1$` that makes it a value given to y. */
const GIVES_VALUE = /\b(let|given|set|fix|take|with|where)\s*$/i;
/** Prose before inline math that makes an inequality a condition: "for $w x > 0$", "when $…$". */
const CONDITION_WORD = /\b(for|when|whenever|if|where|assuming|provided|with)\s*$/i;
/** Premise words after which an equation is an identity being used or a definition ("using", "where"), not a condition. */
const LEANS_ON = /^(?:uses?|using)$/;
/** Prose that makes the math after it a condition on the claim before it: "$\ln x \le x - 1$ for every $x > 0$". */
const TRAILING_CONDITION = /\b(?:for(?:\s+(?:every|all|each|any))?|whenever|provided(?:\s+that)?|as\s+long\s+as)\s*$/i;
/**
 * Words earlier in the sentence that make the math after them a premise even
 * when not right before it ("Model B uses a ReLU instead, $h = …$",
 * "Suppose for a moment that $\sigma(z) = y$"), unless a word that draws a
 * conclusion comes between ("If $x < 0$ then $|x| = -x$").
 */
const SENTENCE_PREMISE = /\b(let|suppose|supposing|assume|assuming|given|define[sd]?|denote[sd]?|instead|redefine[sd]?)\b/gi;
const CONCLUSION = /\b(then|so|hence|thus|therefore|get|gives?|obtain|have|has|know|shows?|recall|note|is|are|equals?|yields?)\b/i;
/**
 * Inline math that states a condition (an inequality, `x \notin [0, 1]`). Not `\ne`: "where $g(x) \ne 0$" only keeps
 * a denominator away from 0, where the claim's left side is undefined anyway, and must not hide a failure elsewhere.
 */
const CONDITION = /[<>]|\\(?:le|ge|leq|geq|lt|gt|notin)\b/;
/** Premise words that make any relation after them a hypothesis of what follows (an equation too, unlike "with" or "for", which often give values). */
const HYPOTHESIS_WORD = /^(?:if|when|whenever|suppose|supposing|assume|assuming|provided|given)$/;

/**
 * The prose before inline math, with the inline math of the same list
 * skipped ("let $x > 0$ and $y = 1$": the prose of `y = 1` is "let").
 */
function proseBefore(source: string, offset: number): string {
  let text = source.slice(Math.max(0, offset - 160), offset).replace(/(?:\$|\\\()\s*$/, '');
  for (let k = 0; k < 4; k++) {
    const m = /(?:\$[^$]+\$|\\\((?:(?!\\[()])[^])*\\\))\s*(?:,|and|or)?\s*$/.exec(text);
    if (m === null) break;
    text = text.slice(0, m.index);
  }
  return text.slice(-60);
}

/** A premise word earlier in the sentence with no conclusion word after it, or undefined. */
function sentencePremise(source: string, offset: number): string | undefined {
  const from = Math.max(0, offset - 200);
  const text = source.slice(from, offset);
  // The sentence: after the last full stop (or blank line), inline math blanked so its letters are not words.
  const stop = Math.max(text.search(/[.?!]\s[^.?!]*$/), text.lastIndexOf('\n\n'));
  const sentence = text.slice(stop < 0 ? 0 : stop + 1).replace(/\$[^$]*\$|\\\([^]*?\\\)/g, ' ');
  let last: RegExpExecArray | undefined;
  for (const m of sentence.matchAll(SENTENCE_PREMISE)) last = m;
  if (last === undefined || CONCLUSION.test(sentence.slice(last.index + last[0].length))) return undefined;
  return last[1];
}

/** Is there prose of the sentence before the word right before `offset` ("Then $s \ge 0$, and for $z > 0$")? */
function midSentence(source: string, offset: number): boolean {
  let text = source.slice(Math.max(0, offset - 200), offset).replace(/(?:\$|\\\()\s*$/, '');
  // The math of the same list ("for $x > 0$ and $y > 0$") is not prose before the word.
  for (let k = 0; k < 4; k++) {
    const m = /(?:\$[^$]+\$|\\\((?:(?!\\[()])[^])*\\\))\s*(?:,|and|or)?\s*$/.exec(text);
    if (m === null) break;
    text = text.slice(0, m.index);
  }
  const stop = Math.max(text.search(/[.?!:]\s[^.?!:]*$/), text.lastIndexOf('\n\n'));
  const sentence = text.slice(stop < 0 ? 0 : stop + 1).replace(/\b\w+\s*$/, '');
  const prose = sentence.replace(/\\(?:paragraph|subsection|section|textbf|emph)\*?\{[^}]*\}/g, ' ');
  // "Let $p_k = …$ for $k = 1, \dots, K$": a condition of the setup holds as long as the setup.
  if (/\b(?:let|suppose|assume|given|define|denote|consider)\b/i.test(prose.replace(/\$[^$]*\$|\\\([^]*?\\\)/g, ' '))) return false;
  return /[A-Za-z]{2,}|\$|\\\(/.test(prose);
}

/** "for all", "for every real", "Now for any" right before inline math. */
const QUANTIFIER_BEFORE = /\bfor\s+(?:all|every|any|each)\s+(?:real\s+|positive\s+|nonzero\s+|non-zero\s+)?(?:numbers?\s+)?(?:\$|\\\()\s*$/i;
/** The letters a quantifier binds: x, y of `x, y \in \mathbb{R}`, `x \ne 0`, `x > 0`, `x`. */
const QUANTIFIED_LETTERS = /^\s*((?:\\?[A-Za-z]+\s*,\s*)*\\?[A-Za-z]+)\s*(?:\\in\b|\\neq?\b|\\[lg]eq?\b|[<>]|$)/;

/** The symbol a domain or definition fact speaks about. */
function subjectKeys(f: Fact): string[] {
  switch (f.kind) {
    case 'simplex':
      return f.syms.map(symKey);
    case 'simplex-indexed':
      return [];
    default:
      return [symKey(f.sym)];
  }
}

/**
 * Reads inline math: states its facts and records it as a premise, lists it
 * as not read, or answers 'claim' when it is a claim to judge.
 */
export function readInline(ctx: MathContext, premises: Premise[], seg: MathSegment): 'premise' | 'claim' | 'premise-claim' | 'none' {
  const { ledger } = ctx;
  const { source, scopes } = ledger;
  const end = seg.offset + seg.text.length;
  // "for $f = \tanh$", "$g$ is the sigmoid": a function letter standing for a function of the table.
  const named = functionInWords(seg.text, source.slice(end, end + 80).replace(/^\$+/, ''));
  // "$p$ and $q$ are distributions", "one-hot label $y$", "$W$ is orthogonal" (not read: a failure in its scope is undecided).
  const words = factsInWords(seg.text, source.slice(Math.max(0, seg.offset - 80), seg.offset), source.slice(end, end + 120));
  if (words.unread !== undefined) {
    const to = scopes.hypotheticalEnd(seg) ?? scopes.sectionEnd(seg.offset);
    // Words about named symbols ("$W$ is orthogonal") concern only the steps that use them.
    ledger.unread.push({ text: `${seg.text.trim()} \\text{ ${words.unread}}`, from: seg.offset, to, line: lineCol(source, seg.offset).line, about: words.subjects ?? [] });
  }
  // $e^{2x = 2e^{2x}$ (an unclosed brace): a claim the splitter cannot see; judgeMath lists it as not read.
  if (unbalancedBrace(seg.text) !== undefined && /[=<>]|\\(?:le|ge|leq|geq|ne|neq)(?![A-Za-z])/.test(seg.text)) return 'claim';
  if (!hasRelation(seg.text)) {
    // Math without a relation states something only through the words around it.
    const worded = named !== undefined ? [named] : words.facts;
    if (worded.length === 0) return 'none';
    statePremise(ctx, premises, seg, worded, named === undefined && words.quantified === true ? { sentence: true } : {});
    return 'premise';
  }
  const before = proseBefore(source, seg.offset);
  // "For every real $x \ne 0$: …", "Now for any $x \in \mathbb{R}$, …": the quantifier speaks of every x, so a
  // narrower fact stated earlier ("Let $x > 0$") is out of force for this sentence (it proved log(x^2) = 2 log x).
  const quantified = QUANTIFIER_BEFORE.test(source.slice(Math.max(0, seg.offset - 40), seg.offset)) ? QUANTIFIED_LETTERS.exec(seg.text) : null;
  if (quantified !== null) {
    const keys = new Set((quantified[1] ?? '').split(',').map((t) => t.trim().replace(/^\\/, '')));
    ledger.suspend((f) => subjectKeys(f).some((k) => keys.has(k)), seg.offset, scopes.sentenceEnd(seg));
  }
  // "Take $w = 2$", "Numbers: $w = 2$, $b = -1$", "with step size $\eta = 0.25$": a value for a worked example (worked-example.ts).
  // \ell' = -\tfrac14 after \ell(z) = …: the derivative of ℓ at the example's values, a claim (primed-names.ts).
  if (startsWithPrimeOfDefinedFunction(seg.text, ledger, seg.offset)) return 'claim';
  // "for $x > 0$ or $y > 0$": a member of a disjunction is no fact (negated-premises.ts).
  const disjunct = disjunctionMember(source, seg.offset, end);
  const binding = disjunct ? undefined : valueBinding(ctx, seg, before);
  if (binding !== undefined) {
    statePremise(ctx, premises, seg, binding, {});
    return 'premise';
  }
  const adjacent = PREMISE_WORD.exec(before)?.[1]?.toLowerCase();
  const premiseWord = adjacent ?? sentencePremise(source, seg.offset)?.toLowerCase();
  const values = GIVES_VALUE.test(before);
  const readOpts = { definitions: true, values, ...(seg.syntax === 'plain' ? { syntax: 'auto' as const } : {}) };
  const facts = named !== undefined ? [named] : [...ledger.read(seg.text, seg.offset, readOpts), ...words.facts];
  const at = seg.offset;
  // Rule 3: a defined or used symbol is not silently redefined or restricted; "so $x > 0$" draws a conclusion.
  const concludes = premiseWord === undefined && CONCLUDES.test(before);
  const claims = concludes || (premiseWord === undefined && facts.some((f) => {
    if (f.kind === 'define') {
      // \ell' = -\tfrac14 after \ell(z) = …: the derivative of ℓ, a claim (primed-names.ts).
      if (primeOfDefinedFunction(f.sym, ledger, at)) return true;
      const known = ledger.definitionAt(symKey(f.sym), at);
      if (known !== undefined) return !(known.fact.kind === 'define' && known.fact.value.hash === f.value.hash && known.fact.param?.hash === f.param?.hash);
      // A member of a defined family ("$p_2 = 1 - \sigma(z_1 - z_2)$" with p_k = … in scope) is a claim about it.
      if (ledger.definedAt(f.sym, at)) return true;
      // "Since $\hat y = wx$, …" after L = ½(y − ŷ)² used ŷ: the definition recalled, not a claim about a free ŷ.
      return ledger.usedInSection(symKey(f.sym), at) && !RECALLS.test(before);
    }
    // (p_1 + p_2 = 1 with p_k = … defining the family: a claim about p_1, p_2.)
    return subjectKeys(f).some((k) => ledger.definitionAt(k, at) !== undefined) || (f.kind === 'simplex' && (f.syms.some((x) => ledger.definedAt(x, at)) || ledger.activeAt(at).some((st) => st.fact.kind === 'define' && definesMember(st.fact.sym, f.syms)))) || (f.kind === 'simplex-indexed' && ledger.definedAt(sym(f.name, [sym('i')]), at));
  }));
  if (claims) return 'claim';
  // "We do not assume $x > 0$", "it is not the case that $x > 0$", "for $x > 0$ or $y > 0$": not a fact (negated-premises.ts).
  const negation = facts.length > 0 ? negatedPremise(before) : undefined;
  if (negation !== undefined || (disjunct && facts.length > 0)) {
    // A failure at a point where the condition holds stands in every reading (σ(x) ≤ 1 − 10^{-20} at x = 1000 after
    // "we do not assume $x > 0$"): only a point outside it is in doubt.
    ledger.unread.push({ text: seg.text.trim(), from: at, to: scopes.hypotheticalEnd(seg) ?? scopes.sectionEnd(at), line: lineCol(source, at).line, ...conditionNames(seg.text), settledBy: facts });
    const what = negation !== undefined ? `a condition the prose negates ("${negation} …")` : 'one of conditions joined by "or"';
    notReadAt(ctx, at, seg.text, `${what}: not assumed, and a failure of a step using its names is undecided`);
    return 'premise';
  }
  if (facts.length === 0) {
    if (SIGNATURE.test(seg.text)) {
      pushPremise(ctx, premises, seg, 'assumption', "a function's signature: nothing to add (values are real)");
      return 'premise';
    }
    if (understoodWithNothingToAdd(seg.text, readOpts)) {
      pushPremise(ctx, premises, seg, 'assumption', 'nothing to add to the default domains');
      return 'premise';
    }
    if (premiseWord === undefined) return 'claim';
    // "with $g(1) = 0$", "for $a, b > 0$ and $\log(a + b) = \log a + \log b$": a statement about numbers, or an identity, is judged.
    const direct = PREMISE_WORD.test(source.slice(Math.max(0, at - 60), at).replace(/(?:\$|\\\()\s*$/, ''));
    const judged = unjudgedRelations(seg.text).length === 0 ? premiseAsClaim(seg.text, ledger, at, direct) : undefined;
    if (judged !== undefined) return judged;
    const ifEnd = scopes.hypotheticalEnd(seg);
    const to = ifEnd ?? scopes.sectionEnd(at);
    // An unread condition leaves the claims it governs undecided ("if $x^2 = 4$ …, then $x = 2$" must not fail at x = 2.9, where the premise is false);
    // one that parses concerns only the steps using its names ("wrong for $r < -\delta$" says nothing about a claim in t alone).
    // ("Let $0 < t < 10^{-3}$" not read: |t| = t must not fail at t = -0.29, outside the stated domain.)
    if ((CONDITION_WORD.test(before) && CONDITION.test(seg.text)) || (HYPOTHESIS_WORD.test(premiseWord) && hasRelation(seg.text)) || (premiseWord === 'let' && CONDITION.test(seg.text))) ledger.unread.push({ text: seg.text.trim(), from: at, to, line: lineCol(source, at).line, ...conditionNames(seg.text) });
    // "for $x \in [0, \infty)$", "let $u \in (0, 10^{-3})$" not read: a domain of the name before \in, which a failure of a step using it may lie outside.
    const member = premiseWord === 'let' || CONDITION_WORD.test(before) ? /^\s*([A-Za-z])\s*\\in(?![A-Za-z])/.exec(seg.text) : null;
    if (member !== null) ledger.unread.push({ text: seg.text.trim(), from: at, to, line: lineCol(source, at).line, about: [member[1] as string] });
    // "take $p = (\frac12, \frac12)$": a value given to a name and not read; a failure of a step using the name may be about that value.
    const named = valueNotRead(seg.text);
    if (named !== undefined) ledger.unread.push({ text: seg.text.trim(), from: at, to, line: lineCol(source, at).line, about: [named] });
    // "using $\sigma'(z) = \sigma(z)(1 - \sigma(z))$": an identity the prose leans on is judged, but as a premise it never fails.
    if (adjacent !== undefined && LEANS_ON.test(adjacent) && unjudgedRelations(seg.text).length === 0) return 'premise-claim';
    // "with $m_t = \beta m_{t-1} + (1 - \beta) g$": a recurrence defines no closed form; a failure of a claim about m after it is only undecided.
    const found = recurrenceOf(seg.text);
    const recurrence = found?.sym;
    if (found !== undefined && recurrence !== undefined) {
      // Kept for a closed form claimed later in the section (recurrence-closed-form.ts).
      recordRecurrence(ledger, recurrence, found.value, at, scopes.sectionEnd(at), found.shift);
      ledger.unread.push({ text: seg.text.trim(), from: at, to, line: lineCol(source, at).line, about: [recurrence.name], definition: true });
      notReadAt(ctx, at, seg.text, `a recurrence (${recurrence.name} in terms of an earlier member): not used as a definition, and a failure of a claim about ${recurrence.name} is undecided`);
      return 'premise';
    }
    const reason =
      premiseWord === 'at'
        ? 'a point named in prose ("at …"): not a claim, and not used as a fact'
        : `a premise ("${premiseWord} …") gradtex cannot read as a fact: not judged, and not used`;
    notReadAt(ctx, at, seg.text, reason);
    return 'premise';
  }
  // "For $z = \log 3$: …" gives a value for an example, like "take"; "…, and for $z > 0$ we have …" in the middle of a sentence conditions that sentence's paragraph, not the section.
  const forWord = premiseWord === 'for';
  statePremise(ctx, premises, seg, facts, { paragraph: forWord && midSentence(source, seg.offset) });
  // Pieces of a list the reader did not take ("$x > 0$, $S \ni y$" in one math): each is named.
  // (A function named by a function, `f = \tanh`, is not the fact reader's to read.)
  if (named === undefined) {
    try {
      readFacts(seg.text, { ...readOpts, strict: true });
    } catch (e) {
      // Only a piece the strict reader names is reported; the facts above were read already.
      if (e instanceof FactError) notReadAt(ctx, at + e.start, seg.text, e.message);
    }
  }
  return 'premise';
}

/**
 * Conditions written after an inline claim in the same sentence ("$\ln x \le
 * x - 1$ for every $x > 0$"): their domain facts hold for the claim (and are
 * stated again, in their own scope, when the prose reaches them).
 */
export function stateTrailingConditions(ctx: MathContext, seg: MathSegment, later: readonly Segment[], keep: (f: Fact) => boolean = () => true): void {
  const { ledger } = ctx;
  const end = ledger.scopes.sentenceEnd(seg);
  for (const next of later) {
    if (next.offset >= end) break;
    if (next.kind !== 'math' || next.display) continue;
    if (!TRAILING_CONDITION.test(proseBefore(ledger.source, next.offset))) continue;
    // Only a condition attached to the claim ("$…$ for every $x > 0$"), not one in a later clause
    // ("$…$; that only holds for $z \ge 0$", which says the claim is false elsewhere).
    const between = ledger.source.slice(seg.offset + seg.text.length, next.offset);
    if (/[;:]|\b(?:only|but|not|false|wrong|fails?|however|although|equality)\b/i.test(between)) continue;
    for (const f of ledger.read(next.text, next.offset, { definitions: false })) if (keep(f)) ledger.state(f, seg.offset, seg.offset + seg.text.length, true);
  }
}

/**
 * `$v = c$` giving a plain name a number, read as a worked example's value
 * (worked-example.ts): not after a word that draws a conclusion ("so $x =
 * 2$"), and not about a name whose definition in scope is not itself such a
 * value (`\hat y = w x + b` makes "$\hat y = 5$" a claim to judge).
 */
function valueBinding(ctx: MathContext, seg: MathSegment, before: string): Fact[] | undefined {
  if (CONCLUDES.test(before)) return undefined;
  let facts: Fact[] | undefined = tupleValues(seg.text);
  try {
    facts ??= readFacts(seg.text, { definitions: true, values: true, strict: true, ...(seg.syntax === 'plain' ? { syntax: 'auto' as const } : {}) });
  } catch {
    return undefined;
  }
  if (facts.length === 0 || facts.some((f) => f.kind !== 'define' || !isValue(f))) return undefined;
  const free = (f: Fact): boolean => {
    if (f.kind !== 'define') return false;
    // A member of a defined family (q_1 with q_i = …) is defined too: "$q_1 = \frac14$" is a claim about it.
    const known = ctx.ledger.definitionAt(symKey(f.sym), seg.offset);
    if (known !== undefined) return known.example === true;
    return !ctx.ledger.definedAt(f.sym, seg.offset);
  };
  return facts.every(free) ? facts : undefined;
}

/** The name a vector is given to in `p = (\frac12, \frac12)` (a single symbol on the left, a tuple on the right), or undefined. */
function valueNotRead(text: string): string | undefined {
  const m = /^([^=<>]+)=\s*(?:\\left\s*)?[([](?=[^]*,)[^]*[)\]]\s*$/.exec(text.trim());
  const lhs = m === null ? undefined : tryParseLatex((m[1] as string).trim());
  return lhs?.kind === 'sym' ? lhs.name : undefined;
}

/** The member a recurrence defines (m_t in `m_t = \beta m_{t-1} + …`) and its value, or undefined. */
function recurrenceOf(text: string): { sym: Sym; value: Expr; shift?: number } | undefined {
  const chain = splitRelations(text);
  const c = chain[0];
  if (chain.length !== 1 || c === undefined || c.rels.length !== 1 || c.rels[0]?.rel !== '=') return undefined;
  const lhs = tryParseLatex(c.sides[0]?.latex ?? '');
  const rhs = tryParseLatex(c.sides[1]?.latex ?? '');
  if (lhs?.kind !== 'sym' || rhs === undefined) return undefined;
  // a_{n+1} = 2 a_n: the same recurrence as a_n = 2 a_{n-1}.
  const forward = forwardRecurrence(lhs, rhs);
  if (forward !== undefined) return forward;
  if (!isFamilySymbol(lhs) || !isRecurrence(lhs, rhs)) return undefined;
  return { sym: lhs, value: rhs };
}

/** The names a condition speaks about (`r < -\delta`: r, delta), when every side of it parses; {} otherwise (it concerns every step). */
function conditionNames(text: string): { about?: string[] } {
  const chain = splitRelations(text);
  if (chain.length !== 1) return {};
  const sides = (chain[0]?.sides ?? []).map((x) => tryParseLatex(x.latex));
  if (sides.length < 2 || sides.some((e) => e === undefined)) return {};
  const names = new Set<string>();
  for (const e of sides) if (e !== undefined) for (const x of allSymbols(e).values()) names.add(x.name);
  return names.size === 0 ? {} : { about: [...names] };
}

/** Every piece understood, none giving a fact (`x \in \mathbb{R}^n`, `j \in \{1, \dots, n\}`). */
function understoodWithNothingToAdd(text: string, opts: { definitions: boolean; values: boolean }): boolean {
  try {
    return readFacts(text, { ...opts, strict: true }).length === 0;
  } catch {
    return false;
  }
}

function pushPremise(ctx: MathContext, premises: Premise[], seg: MathSegment, kind: Premise['kind'], summary: string): void {
  const lc = lineCol(ctx.ledger.source, seg.offset);
  premises.push({ line: lc.line, col: lc.col, latex: seg.text.replace(/\s+/g, ' ').trim(), kind, summary });
}

/**
 * How long a premise's facts hold: `paragraph`, a condition in the middle of
 * a sentence to the end of its paragraph (or sentence), as one case of a
 * split. (A number given to a name holds as a worked example's value: see
 * worked-example.ts.) Shorter scopes are weaker, never stronger: fewer
 * facts, more points.
 */
interface PremiseScope {
  readonly paragraph?: boolean;
  /** "For positive $r$, …": a quantifier's condition, for its sentence (and the display math continuing it) only. */
  readonly sentence?: boolean;
}

/** States the facts of a premise with their scope, and records it. */
function statePremise(ctx: MathContext, premises: Premise[], seg: MathSegment, facts: readonly Fact[], scope: PremiseScope): void {
  const { ledger } = ctx;
  const { scopes } = ledger;
  const ifEnd = scopes.hypotheticalEnd(seg);
  const section = ifEnd ?? scopes.sectionEnd(seg.offset);
  const to = scope.sentence === true ? Math.min(section, scopes.sentenceEnd(seg)) : scope.paragraph === true ? Math.min(section, Math.max(scopes.sentenceEnd(seg), ledger.paragraphEnd(seg.offset))) : section;
  const notes: string[] = [];
  for (const f of facts) {
    // "For $i \ne j$" after "For $i = j$": the next case of the derivation replaces the previous one.
    for (const st of ledger.activeAt(seg.offset)) if (supersedes(f, st.fact)) st.to = seg.offset;
    if (f.kind === 'define') {
      // A prose redefinition ("Model B uses $h = \max(0, w x)$") takes over from here; a restatement changes nothing.
      const known = ledger.definitionAt(symKey(f.sym), seg.offset);
      if (known !== undefined && known.fact.kind === 'define' && known.fact.value.hash === f.value.hash && known.fact.param?.hash === f.param?.hash) {
        notes.push(`restates ${ledger.describe(f)} (line ${known.line})`);
        continue;
      }
      if (known !== undefined) {
        notes.push(`redefines ${ledger.describe(f)} (was ${ledger.describe(known.fact)}, line ${known.line})`);
        for (const st of ledger.activeAt(seg.offset)) if (st.fact.kind === 'define' && symKey(st.fact.sym) === symKey(f.sym)) st.to = seg.offset;
      } else notes.push(ledger.describe(f));
    } else notes.push(ledger.describe(f));
    // A number given in prose ("take $x = -1$", "given $y = 1$", "for $z = \log 3$") is a worked example's value: it holds where scopes.ts exampleEnd says.
    const value = isValue(f);
    // An index's range ("… is $p_k = …$ for $k = 1, \dots, K$") is the document's convention for that letter, not a case of a split: it holds for the section.
    const end = value ? Math.min(ifEnd ?? Infinity, scopes.exampleEnd(seg.offset, seg.offset + seg.text.length)) : f.kind === 'index-range' ? section : to;
    // "derivative 1 for $x > 0$ and 0 for $x < 0$": conditions in the middle of a sentence are the cases of a split, not facts that contradict each other.
    const caseSplit = scope.paragraph === true && f.kind !== 'define';
    if (caseSplit) for (const st of ledger.activeAt(seg.offset)) if (st.hypothetical === true && st.fact.kind !== 'define' && subjectKeys(st.fact).some((k) => subjectKeys(f).includes(k))) st.to = seg.offset;
    // "For $x > -1$ …" after "For $x \in (0, 1)$ …": the earlier condition may or may not still hold (widened-domains.ts).
    if (!value && !caseSplit && f.kind !== 'define') widenedDomains(ledger, facts, seg.offset, end);
    ledger.state(f, seg.offset, end, ifEnd !== undefined || caseSplit || scope.sentence === true, value);
    // a_{n+1} = 2 a_n defines the next term (the terms are computed from it) and is a recurrence: a closed form claimed
    // for a_n later is judged against it, never taken as a definition of a_n.
    const forward = f.kind === 'define' && f.param === undefined ? forwardRecurrence(f.sym, f.value) : undefined;
    if (forward !== undefined) recordRecurrence(ledger, forward.sym, forward.value, seg.offset, end, forward.shift);
  }
  pushPremise(ctx, premises, seg, facts.every((f) => f.kind === 'define') ? 'definition' : 'assumption', notes.join(', '));
}
