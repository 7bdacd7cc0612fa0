/**
 * Golden fixtures for the parsers, one folder per kind (file pairs, as in
 * remark-math's fixtures):
 *
 * - parse-latex/<case>.tex  -> <case>.plain  the same tree written in plain syntax
 * - parse-plain/<case>.txt  -> <case>.tree   the tree as an S-expression (tree-text.ts)
 * - parse-errors/<case>.txt -> <case>.err    the exact ParseError.format() output;
 *   cases named latex-* are read as LaTeX, plain-* as plain syntax
 *
 * Inputs lose one trailing newline. `UPDATE=1 npx vitest run tests/parse`
 * rewrites the .tree and .err outputs; review the diff before committing.
 * The .plain files are written by hand and never rewritten.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { equal } from '../../src/expr/equal.js';
import { ParseError, parseLatex, parsePlain } from '../../src/parse/index.js';
import { treeText } from './tree-text.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const update = process.env['UPDATE'] === '1';

function cases(folder: string, ext: string): string[] {
  return readdirSync(join(root, folder))
    .filter((f) => f.endsWith(ext))
    .map((f) => f.slice(0, -ext.length))
    .sort();
}

function input(path: string): string {
  return readFileSync(path, 'utf8').replace(/\n$/, '');
}

/**
 * Compare with a golden file, or write it under UPDATE=1. A missing golden
 * file fails: a new case gets its output only by an UPDATE=1 run whose diff
 * is reviewed.
 */
function golden(path: string, actual: string): void {
  if (update) {
    writeFileSync(path, `${actual}\n`);
    return;
  }
  expect(existsSync(path), `golden file ${path} is missing: run UPDATE=1 npx vitest run tests/parse and review it`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8').replace(/\n$/, ''));
}

describe('parse-latex fixtures', () => {
  it.each(cases('parse-latex', '.tex'))('should read %s.tex as the tree of its .plain', (name) => {
    const tex = input(join(root, 'parse-latex', `${name}.tex`));
    const plain = input(join(root, 'parse-latex', `${name}.plain`));
    const got = parseLatex(tex);
    const want = parsePlain(plain);
    expect(equal(got, want), `${treeText(got)} != ${treeText(want)}`).toBe(true);
  });
});

describe('parse-plain fixtures', () => {
  it.each(cases('parse-plain', '.txt'))('should read %s.txt as its .tree', (name) => {
    const text = input(join(root, 'parse-plain', `${name}.txt`));
    golden(join(root, 'parse-plain', `${name}.tree`), treeText(parsePlain(text)));
  });
});

describe('parse-errors fixtures', () => {
  it.each(cases('parse-errors', '.txt'))('should report %s as in its .err', (name) => {
    const text = input(join(root, 'parse-errors', `${name}.txt`));
    const parse = name.startsWith('latex-') ? parseLatex : parsePlain;
    expect(name.startsWith('latex-') || name.startsWith('plain-'), `${name}: name it latex-… or plain-…`).toBe(true);
    let error: unknown;
    try {
      parse(text);
    } catch (e) {
      error = e;
    }
    expect(error, `${name} parsed without an error`).toBeInstanceOf(ParseError);
    const e = error as ParseError;
    golden(join(root, 'parse-errors', `${name}.err`), e.format(text));
  });
});
