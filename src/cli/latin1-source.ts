/**
 * Build step of the start-up snapshots (write-snapshot.ts): the snapshot
 * bundle's text made Latin-1, so that V8 holds it as a one-byte string.
 *
 * V8 keeps a script's source in the heap (it compiles functions lazily from
 * it), and a snapshot saves that heap: every run of the bin reads and
 * copies the whole source again. One character past U+00FF makes V8 store
 * the whole text two bytes a character — 1.1 MB more in gradtex.blob, for
 * a handful of Greek letters in regular expressions (nerdamer's variable
 * names, ℝ in the reading of sets). esbuild writes every other character
 * past ASCII as an escape already (its default `charset: 'ascii'`) but
 * leaves regular expression literals as written. Here each such character
 * in a regular expression literal becomes the escape \uXXXX (a pair of
 * them past U+FFFF), which matches the same text with or without the u or
 * v flag; characters anywhere else are left alone (the text stays correct,
 * only larger). Only the literal's `source` changes, and nothing prints it.
 *
 * The literals are found by TypeScript's parser, which tells a regular
 * expression from a division; the build has TypeScript at hand (tsc runs
 * first).
 */
import ts from 'typescript';

/** The last character V8 stores one byte a character. */
const LATIN1_MAX = 0xff;
/** A character V8 cannot store one byte a character. */
const PAST_LATIN1 = /[^\u0000-\u00ff]/;

/** `\uXXXX` for one UTF-16 code unit. */
const escapeUnit = (unit: number): string => `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`;

/** The [start, end) offsets of the regular expression literals of a JavaScript text. */
function regexLiterals(text: string): [number, number][] {
  const file = ts.createSourceFile('bundle.js', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const found: [number, number][] = [];
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) found.push([node.getStart(file), node.end]);
    else ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** One regular expression literal with every code unit past Latin-1 written as \uXXXX. */
function escapeLiteral(literal: string): string {
  let out = '';
  for (let k = 0; k < literal.length; k++) {
    const unit = literal.charCodeAt(k);
    if (unit <= LATIN1_MAX) {
      out += literal[k];
      continue;
    }
    // `\α` (an identity escape, allowed without the u flag) means α: drop the backslash, or `\\u03B1` would mean a backslash.
    let slashes = 0;
    while (out.endsWith('\\'.repeat(slashes + 1))) slashes++;
    if (slashes % 2 === 1) out = out.slice(0, -1);
    out += escapeUnit(unit);
  }
  return out;
}

/** The JavaScript text `text` with the characters past Latin-1 of its regular expression literals escaped (see the top of the file). */
export function latin1Source(text: string): string {
  // Most bundles need nothing: no parse then.
  if (!PAST_LATIN1.test(text)) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of regexLiterals(text)) {
    const literal = text.slice(start, end);
    out += text.slice(at, start) + (PAST_LATIN1.test(literal) ? escapeLiteral(literal) : literal);
    at = end;
  }
  return out + text.slice(at);
}
