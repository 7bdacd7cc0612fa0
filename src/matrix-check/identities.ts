/**
 * Reading rules/matrix-calculus.identities: matrix identities as data, one
 * per line, each with a stable id, a title and a LaTeX justification.
 *
 *     @shapes W: m x n, x: n
 *     mat.jacobian-linear-map   d(W*x, x) = W   "The Jacobian of a linear map is its matrix"   latex "\frac{\partial (W x)}{\partial x} = W"
 *
 * `@shapes` sets the shapes for the lines below it (until the next
 * `@shapes`). Mistakes are FileErrors at file:line:col.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Expr } from '../expr/node.js';
import { FileError } from '../parse/file-error.js';
import { ParseError, parsePlain } from '../parse/index.js';
import { defaultRulesDir } from '../rewrite/load-rules.js';
import type { MatrixIdentity } from '../matrix/matrix-identity.js';
import { shapeContext, ShapeError, type ShapeContext } from '../matrix/shape.js';

export const IDENTITIES_FILE = 'matrix-calculus.identities';

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$/;
/** id, the identity, "title", latex "…" */
const LINE = /^(\S+)(\s+)([^"]*?)\s*"([^"]*)"\s+latex\s+"(.*)"\s*$/;

function parseSide(file: string, line: number, col: number, text: string, shapes: ShapeContext): Expr {
  try {
    return parsePlain(text, { shapes });
  } catch (e) {
    if (e instanceof ParseError) throw new FileError(file, line, col + e.span.start, e.message);
    throw e;
  }
}

/** The identities of one file's text; `file` names it in errors. */
export function parseIdentities(file: string, text: string): MatrixIdentity[] {
  const out: MatrixIdentity[] = [];
  const ids = new Set<string>();
  let shapes: ShapeContext | undefined;
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    const t = raw.trim();
    if (t === '' || t.startsWith('#')) return;
    if (t.startsWith('@shapes')) {
      try {
        shapes = shapeContext([t.slice('@shapes'.length)]);
      } catch (e) {
        if (e instanceof ShapeError) throw new FileError(file, line, raw.indexOf('@shapes') + 9, e.message);
        throw e;
      }
      return;
    }
    const m = LINE.exec(t);
    if (m === null) throw new FileError(file, line, 1, 'expected: id   LHS = RHS   "title"   latex "…"');
    const [, id, gap, identity, title, latex] = m as unknown as [string, string, string, string, string, string];
    if (!ID.test(id)) throw new FileError(file, line, 1, `'${id}' is not an id: write family.name in kebab-case, as in mat.grad-quadratic-form`);
    if (ids.has(id)) throw new FileError(file, line, 1, `the id ${id} is used twice`);
    ids.add(id);
    if (shapes === undefined) throw new FileError(file, line, 1, "an identity before any '@shapes …' line: declare the shapes first");
    const sides = identity.split(' = ');
    if (sides.length !== 2) throw new FileError(file, line, id.length + gap.length + 1, "expected one ' = ' between the two sides");
    const start = raw.indexOf(identity) + 1;
    const [l, r] = sides as [string, string];
    out.push({ id, title, latex: latex.replace(/\\"/g, '"'), lhs: parseSide(file, line, start, l, shapes), rhs: parseSide(file, line, start + l.length + 3, r, shapes), shapes, source: { file, line } });
  });
  return out;
}

/** The identities shipped in rules/matrix-calculus.identities. */
export function loadMatrixIdentities(dir: string = defaultRulesDir()): MatrixIdentity[] {
  return parseIdentities(`rules/${IDENTITIES_FILE}`, readFileSync(join(dir, IDENTITIES_FILE), 'utf8'));
}

/** The laws of backprop in matrix form that named derivations cite (same format). */
export const BACKPROP_IDENTITIES_FILE = 'backprop.identities';

/** Every file of identities in rules/, in the order the reference lists them. */
export const IDENTITY_FILES: readonly string[] = [IDENTITIES_FILE, BACKPROP_IDENTITIES_FILE];

/** The identities of every such file in `dir` that exists (a user's rules folder need have none), for the reference. */
export function loadReferenceIdentities(dir: string = defaultRulesDir(), name: (file: string) => string = (f) => `rules/${f}`): MatrixIdentity[] {
  return IDENTITY_FILES.filter((f) => existsSync(join(dir, f))).flatMap((f) => parseIdentities(name(f), readFileSync(join(dir, f), 'utf8')));
}
