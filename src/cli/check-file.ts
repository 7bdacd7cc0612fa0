/**
 * One file of `gradtex check`: read, checked, and its report or its error.
 * The same function runs in the command's own thread (`--jobs 1`) and in
 * the file workers (file-worker.ts), from the same plain flags, so the
 * output does not depend on the number of jobs.
 *
 *     const ctx = checkContext({ assume: [], shape: [] });
 *     checkFile(ctx, 'homework.md')   // { ok: true, value: { file, source, report } }
 */
import { readFileSync } from 'node:fs';
import { checkDocument, DocumentError, documentKind } from '../check/check-document.js';
import { FactError, type Fact } from '../check/facts.js';
import { createChecker, type Checker } from '../check/judge-step.js';
import { MarkdownDepthError } from '../check/nesting-depth.js';
import { readAssumptions } from '../check/read-facts.js';
import type { ShapeContext } from '../matrix/shape.js';
import { FileError } from '../parse/file-error.js';
import { createEngine } from '../rewrite/engine.js';
import type { CheckedFile } from './check-output.js';
import { outcomeOf, type FileOutcome } from './file-outcome.js';
import { UserError } from './io.js';
import { readShapes } from './matrix-equal.js';

/** The flags every file is checked with (plain data: they are sent to the workers). */
export interface CheckFileFlags {
  readonly assume: readonly string[];
  readonly shape: readonly string[];
  readonly points?: number;
  readonly seed?: number;
}

export interface CheckContext {
  readonly checker: Checker;
  readonly facts: readonly Fact[];
  readonly shapes: ShapeContext;
  readonly points?: number;
  readonly seed?: number;
}

/** `--assume` lists: every piece understood and consistent, or a one-line error naming the piece. */
function cliFacts(texts: readonly string[]): Fact[] {
  try {
    return readAssumptions(texts);
  } catch (e) {
    if (e instanceof FactError) throw new UserError(`--assume: ${e.message}`);
    throw e;
  }
}

/** The checker and the facts and shapes of the command line; throws a UserError for a bad --assume or --shape. */
export function checkContext(flags: CheckFileFlags): CheckContext {
  return {
    checker: createChecker(createEngine()),
    facts: cliFacts(flags.assume),
    shapes: readShapes([...flags.shape]),
    ...(flags.points !== undefined ? { points: flags.points } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
  };
}

/** One file checked, or what is wrong with it as one line (file:line:col where known). */
export function checkFile(ctx: CheckContext, file: string): FileOutcome<CheckedFile> {
  return outcomeOf(() => {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UserError(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const opts = { facts: ctx.facts, shapes: ctx.shapes, ...(ctx.points !== undefined ? { points: ctx.points } : {}), ...(ctx.seed !== undefined ? { seed: ctx.seed } : {}) };
    try {
      return { file, source, report: checkDocument(ctx.checker, source, documentKind(file), opts) };
    } catch (e) {
      if (e instanceof MarkdownDepthError) throw new FileError(file, e.line, e.col, e.detail);
      if (e instanceof DocumentError) throw new UserError(`${file}:${e.line}:${e.col}: ${e.message}`);
      throw e;
    }
  });
}
