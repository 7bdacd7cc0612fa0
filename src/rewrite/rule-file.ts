/**
 * Reading rules/*.rules: a line-oriented format whose expressions are written
 * in gradtex's plain syntax.
 *
 *     @set derive
 *     @vars u v : expr   x : symbol   n : number
 *     d.sin   d(sin(u), x) => cos(u) * d(u, x)   "Derivative of sine (chain rule)"
 *     d.abs   d(abs(u), x) => sign(u) * d(u, x)   "Derivative of |u|"   note "does not exist where ${u} = 0$"
 *     alg.fold   builtin fold-constants   "Arithmetic on numbers"   latex "2 + 3 = 5"
 *
 * A rule line: id, left side, `=>`, right side, optional `if guard(args), …`,
 * a quoted title, then optional `note "…"` (placeholders {u} name pattern
 * variables), `latex "…"` (the justification shown in the reference;
 * generated from the rule when absent) and `minor` (a routine step that
 * displays merged with its neighbours). Mistakes are RuleFileError with
 * file:line:col; nothing is skipped silently.
 */
import type { Expr } from '../expr/node.js';
import { children } from '../expr/traverse.js';
import { ParseError, parsePlain } from '../parse/index.js';
import { FileError } from '../parse/file-error.js';
import { BUILTINS } from './builtins/index.js';
import { GUARDS } from './guards.js';
import { EVAL_FN, INDEX_FN, SUBST_FN } from './apply.js';
import type { Guard, PatternRule, Rule, RuleSet, VarType } from './rule.js';

/** A mistake in a rules/*.rules file, at file:line:col. */
export class RuleFileError extends FileError {
  override readonly name = 'RuleFileError';
}

const VAR_TYPES: ReadonlySet<string> = new Set(['expr', 'symbol', 'number', 'int']);
const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;

interface Ctx {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

function fail(ctx: Ctx, col: number, msg: string): never {
  throw new RuleFileError(ctx.file, ctx.line, col, msg);
}

/** Parse an expression written at column `col` (0-based offset in the line). */
function parseAt(ctx: Ctx, src: string, offset: number): Expr {
  try {
    return parsePlain(src, { extraFunctions: [EVAL_FN, SUBST_FN, INDEX_FN] });
  } catch (e) {
    if (e instanceof ParseError) fail(ctx, offset + e.span.start + 1, e.message);
    throw e;
  }
}

/** Quoted strings and bare words after the expression part. */
function lexTail(ctx: Ctx, from: number): { word: string; col: number; quoted: boolean }[] {
  const out: { word: string; col: number; quoted: boolean }[] = [];
  const s = ctx.text;
  let i = from;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let word = '';
      while (j < s.length && s[j] !== '"') {
        if (s[j] === '\\' && s[j + 1] === '"') {
          word += '"';
          j += 2;
        } else word += s[j++];
      }
      if (j >= s.length) fail(ctx, i + 1, 'unterminated string: add the closing "');
      out.push({ word, col: i + 1, quoted: true });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < s.length && s[j] !== ' ' && s[j] !== '\t' && s[j] !== '"') j++;
    out.push({ word: s.slice(i, j), col: i + 1, quoted: false });
    i = j;
  }
  return out;
}

/** Split `a, b(c, d)` at top-level commas, keeping offsets. */
function splitTopLevel(src: string, offset: number): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= src.length; i++) {
    const c = src[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    if ((c === ',' && depth === 0) || i === src.length) {
      const raw = src.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim() !== '') parts.push({ text: raw.trim(), at: offset + start + lead });
      start = i + 1;
    }
  }
  return parts;
}

function parseGuards(ctx: Ctx, src: string, offset: number, vars: ReadonlyMap<string, VarType>): Guard[] {
  return splitTopLevel(src, offset).map(({ text, at }) => {
    const m = /^([a-z]+)\s*\((.*)\)$/.exec(text);
    if (m === null) fail(ctx, at + 1, `expected a guard like free(u, x), found '${text}'`);
    const name = m[1] as string;
    const spec = GUARDS.get(name);
    if (spec === undefined) fail(ctx, at + 1, `unknown guard '${name}'; known guards: ${[...GUARDS.keys()].join(', ')}`);
    const argsAt = at + text.indexOf('(') + 1;
    const args = splitTopLevel(m[2] as string, argsAt).map((a) => parseAt(ctx, a.text, a.at));
    if (args.length !== spec.arity) fail(ctx, at + 1, `guard '${name}' takes ${spec.arity} argument(s), got ${args.length}`);
    for (const a of args) checkVarsDeclared(ctx, a, at, vars, false);
    return { name, args };
  });
}

/** Single-letter-or-word symbols without indices that are not declared are probably typos. */
function checkVarsDeclared(ctx: Ctx, e: Expr, col: number, vars: ReadonlyMap<string, VarType>, allowConstants: boolean): void {
  if (e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0 && !vars.has(e.name) && !(allowConstants && e.name === 'pi')) {
    fail(ctx, col + 1, `'${e.name}' is not a declared pattern variable (declare it with @vars)`);
  }
  for (const c of children(e)) checkVarsDeclared(ctx, c, col, vars, allowConstants);
}

function collectVars(e: Expr, vars: ReadonlyMap<string, VarType>, into: Set<string>): void {
  if (e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0 && vars.has(e.name)) into.add(e.name);
  for (const c of children(e)) collectVars(c, vars, into);
}

function parseVars(ctx: Ctx, rest: string, offset: number): Map<string, VarType> {
  // "u v : expr   x : symbol" -> names before each ':' take the type after it.
  const vars = new Map<string, VarType>();
  const tokens = [...rest.matchAll(/\S+/g)];
  let pending: { name: string; col: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as RegExpMatchArray;
    const word = t[0];
    const col = offset + (t.index ?? 0) + 1;
    if (word === ':') {
      const typeTok = tokens[i + 1];
      if (typeTok === undefined || !VAR_TYPES.has(typeTok[0])) fail(ctx, col, `expected a type after ':' (one of ${[...VAR_TYPES].join(', ')})`);
      if (pending.length === 0) fail(ctx, col, "expected variable names before ':'");
      for (const p of pending) vars.set(p.name, typeTok[0] as VarType);
      pending = [];
      i++;
      continue;
    }
    if (!/^[a-zA-Z]+$/.test(word)) fail(ctx, col, `pattern variable names are letters only, found '${word}'`);
    if (word === 'e' || word === 'd' || word === 'pi') fail(ctx, col, `'${word}' is reserved and cannot be a pattern variable`);
    pending.push({ name: word, col });
  }
  if (pending.length > 0) fail(ctx, (pending[0] as { col: number }).col, `variable '${(pending[0] as { name: string }).name}' has no type: write 'name : expr'`);
  return vars;
}

export interface LoadedRuleFile {
  readonly rules: readonly Rule[];
}

/** Parse one rule file's text. `orderBase` makes rule order global across files. */
export function parseRuleFile(file: string, source: string, orderBase: number, seenIds: Map<string, string>): Rule[] {
  const rules: Rule[] = [];
  let set: string | undefined;
  let vars = new Map<string, VarType>();
  const lines = source.split(/\r?\n/);
  lines.forEach((text, i) => {
    const ctx: Ctx = { file, line: i + 1, text };
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const lead = text.length - text.trimStart().length;
    if (trimmed.startsWith('@set')) {
      const name = trimmed.slice(4).trim();
      if (!/^[a-z][a-z-]*$/.test(name)) fail(ctx, lead + 1, `expected '@set NAME' with a lowercase name`);
      set = name;
      return;
    }
    if (trimmed.startsWith('@vars')) {
      vars = parseVars(ctx, text.slice(lead + 5), lead + 5);
      return;
    }
    if (trimmed.startsWith('@')) fail(ctx, lead + 1, `unknown directive '${trimmed.split(/\s/)[0]}'; use @set or @vars`);
    if (set === undefined) fail(ctx, lead + 1, "a rule before any '@set NAME' line: say which rule set it belongs to");
    const idMatch = /^\S+/.exec(trimmed);
    const id = idMatch?.[0] ?? '';
    if (!ID.test(id)) fail(ctx, lead + 1, `'${id}' is not a rule id: use family.name in kebab-case, e.g. d.sin or alg.add-zero`);
    const prev = seenIds.get(id);
    if (prev !== undefined) fail(ctx, lead + 1, `duplicate rule id '${id}' (first defined at ${prev})`);
    seenIds.set(id, `${file}:${i + 1}`);
    const bodyAt = lead + id.length;
    const quote = text.indexOf('"', bodyAt);
    if (quote < 0) fail(ctx, text.length + 1, 'expected a quoted title, e.g. "Chain rule"');
    const body = text.slice(bodyAt, quote);
    const tail = lexTail(ctx, quote);
    const title = tail[0];
    if (title === undefined || !title.quoted || title.word.trim() === '') fail(ctx, quote + 1, 'the title must be a non-empty quoted string');
    const notes: string[] = [];
    let latex: string | undefined;
    let minor = false;
    for (let k = 1; k < tail.length; k += 2) {
      const key = tail[k] as { word: string; col: number; quoted: boolean };
      if (!key.quoted && key.word === 'minor') {
        minor = true;
        k--;
        continue;
      }
      const val = tail[k + 1];
      if (key.quoted || (key.word !== 'note' && key.word !== 'latex')) fail(ctx, key.col, `expected 'note "…"', 'latex "…"' or 'minor' after the title, found '${key.word}'`);
      if (val === undefined || !val.quoted) fail(ctx, key.col, `'${key.word}' needs a quoted string`);
      if (key.word === 'note') notes.push(val.word);
      else latex = val.word;
    }
    const order = orderBase + rules.length;
    const source_ = { file, line: i + 1 };
    const builtinMatch = /^\s*builtin\s+(\S+)\s*$/.exec(body);
    if (builtinMatch !== null) {
      const name = builtinMatch[1] as string;
      if (!BUILTINS.has(name)) fail(ctx, bodyAt + body.indexOf(name) + 1, `unknown builtin '${name}'; known: ${[...BUILTINS.keys()].join(', ')}`);
      rules.push({ type: 'builtin', id, title: title.word, latex, set, builtin: name, notes, source: source_, order, minor });
      return;
    }
    const arrow = body.indexOf('=>');
    if (arrow < 0) fail(ctx, bodyAt + 1, "expected 'left => right' or 'builtin NAME'");
    const lhsText = body.slice(0, arrow);
    const afterArrow = body.slice(arrow + 2);
    const ifMatch = /\sif\s/.exec(afterArrow);
    const rhsText = ifMatch === null ? afterArrow : afterArrow.slice(0, ifMatch.index);
    const lhs = parseAt(ctx, lhsText, bodyAt);
    const rhs = parseAt(ctx, rhsText, bodyAt + arrow + 2);
    checkVarsDeclared(ctx, lhs, bodyAt, vars, true);
    checkVarsDeclared(ctx, rhs, bodyAt + arrow + 2, vars, true);
    const lhsVars = new Set<string>();
    collectVars(lhs, vars, lhsVars);
    const rhsVars = new Set<string>();
    collectVars(rhs, vars, rhsVars);
    for (const v of rhsVars) if (!lhsVars.has(v)) fail(ctx, bodyAt + arrow + 3, `'${v}' appears on the right but not on the left, so it would be unbound`);
    const guardsAt = ifMatch === null ? 0 : bodyAt + arrow + 2 + ifMatch.index + ifMatch[0].length;
    const guards = ifMatch === null ? [] : parseGuards(ctx, afterArrow.slice(ifMatch.index + ifMatch[0].length), guardsAt, vars);
    for (const g of guards) {
      const gv = new Set<string>();
      for (const a of g.args) collectVars(a, vars, gv);
      for (const v of gv) if (!lhsVars.has(v)) fail(ctx, guardsAt + 1, `guard variable '${v}' does not appear on the left`);
    }
    for (const n of notes) {
      for (const m of n.matchAll(/\{([a-zA-Z]+)\}/g)) if (!lhsVars.has(m[1] as string)) fail(ctx, quote + 1, `note placeholder {${m[1]}} is not a variable of the left side`);
    }
    const rule: PatternRule = { type: 'pattern', id, title: title.word, latex, set, lhs, rhs, guards, vars: new Map(vars), notes, source: source_, order, minor };
    rules.push(rule);
  });
  return rules;
}

/** Group loaded rules by set name, keeping load order. */
export function groupBySet(rules: readonly Rule[]): Map<string, RuleSet> {
  const out = new Map<string, Rule[]>();
  for (const r of rules) {
    const list = out.get(r.set) ?? [];
    list.push(r);
    out.set(r.set, list);
  }
  return new Map([...out].map(([name, list]) => [name, { name, rules: list }]));
}
