/**
 * One spec of `gradtex render`: solved, its files written, and what the
 * command prints about it (in the order it was said, stdout and stderr
 * apart), or its error. The same function runs in the command's own thread
 * (`--jobs 1`) and in the file workers (file-worker.ts), from the same plain
 * flags, so the output does not depend on the number of jobs.
 *
 *     const ctx = renderContext({ out: 'out', want: ['tex'], shape: [], fragment: false });
 *     renderSpec(ctx, 'week1.yaml')   // { ok: true, value: { said: [{ stream: 'stdout', text: 'week1.yaml: …' }], failed: false } }
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { installKatexAssets, selfContainedKatexCss } from '../document/katex-assets.js';
import { compilePdf } from '../document/pdf.js';
import { solveSpec } from '../document/solve.js';
import { parseSpec } from '../document/spec.js';
import { renderSummary, tallyAnswers } from '../document/summary.js';
import { loadTemplate, templatesDir } from '../document/template.js';
import { toHtmlDocument, toHtmlFragment } from '../document/to-html.js';
import { toMarkdownDocument } from '../document/to-md.js';
import { toTexDocument, toTexFragment } from '../document/to-tex.js';
import type { ShapeContext } from '../matrix/shape.js';
import type { Detail } from '../proof/group-steps.js';
import { createEngine, type Engine } from '../rewrite/engine.js';
import { outcomeOf, type FileOutcome } from './file-outcome.js';
import { UserError } from './io.js';
import { readShapes } from './matrix-equal.js';
import { sameFile } from './same-file.js';

export type OutFormat = 'tex' | 'html' | 'md' | 'pdf';

/** The flags every spec is rendered with (plain data: they are sent to the workers). */
export interface RenderSpecFlags {
  readonly out: string;
  /** The formats to write (a fragment never asks for pdf). */
  readonly want: readonly OutFormat[];
  readonly fragment: boolean;
  /** KaTeX's stylesheet and fonts inside each HTML page (`--self-contained`) instead of once in <out>/katex/. */
  readonly selfContained?: boolean;
  readonly shape: readonly string[];
  readonly detail?: Detail;
  readonly templateTex?: string;
  readonly templateHtml?: string;
  readonly templateMd?: string;
}

export interface RenderContext {
  readonly flags: RenderSpecFlags;
  readonly engine: Engine;
  readonly shapes: ShapeContext;
  readonly templates: { readonly tex: string; readonly html: string; readonly md: string };
}

/** One thing the command says about a spec. */
export interface Said {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

export interface RenderedSpec {
  readonly said: readonly Said[];
  /** An answer not verified, or the PDF build failed. */
  readonly failed: boolean;
}

/** The engine, shapes and templates; throws a UserError for a bad --shape or an unreadable template. */
export function renderContext(flags: RenderSpecFlags): RenderContext {
  const dir = templatesDir();
  return {
    flags,
    engine: createEngine(),
    shapes: readShapes([...flags.shape]),
    templates: {
      tex: loadTemplate(flags.templateTex ?? join(dir, 'solutions.tex')),
      html: loadTemplate(flags.templateHtml ?? join(dir, 'page.html')),
      md: loadTemplate(flags.templateMd ?? join(dir, 'notes.md')),
    },
  };
}

/** One spec solved and written, or what is wrong with it as one line (file:line:col where known). */
export function renderSpec(ctx: RenderContext, specFile: string): FileOutcome<RenderedSpec> {
  return outcomeOf(() => {
    const { flags, templates } = ctx;
    const said: Said[] = [];
    let text: string;
    try {
      text = readFileSync(specFile, 'utf8');
    } catch (e) {
      throw new UserError(`cannot read ${specFile}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const solved = solveSpec(ctx.engine, specFile, parseSpec(specFile, text), ctx.shapes, flags.detail);
    let failed = !solved.allVerified;
    const stem = basename(specFile, extname(specFile));
    const write = (ext: string, content: string): string => {
      const file = join(flags.out, `${stem}.${ext}`);
      // Never overwrite what the user wrote: the spec itself is not an output.
      if (sameFile(file, specFile)) throw new UserError(`refusing to overwrite the input ${specFile}: choose another --out folder`);
      writeFileSync(file, content);
      return file;
    };
    const want = flags.want;
    const written: string[] = [];
    let texFile: string | undefined;
    if (want.includes('tex') || want.includes('pdf')) written.push((texFile = write('tex', flags.fragment ? toTexFragment(solved) : toTexDocument(solved, templates.tex))));
    if (want.includes('html')) {
      const katexCss = flags.selfContained === true ? selfContainedKatexCss() : installKatexAssets(flags.out);
      written.push(write('html', flags.fragment ? toHtmlFragment(solved, katexCss) : toHtmlDocument(solved, templates.html, katexCss)));
    }
    if (want.includes('md')) written.push(write('md', toMarkdownDocument(solved, templates.md)));
    let pdfFailed = false;
    if (want.includes('pdf') && texFile !== undefined) {
      const pdf = compilePdf(texFile);
      if (pdf.kind === 'written') {
        written.push(pdf.file);
        for (const w of pdf.warnings) said.push({ stream: 'stderr', text: `gradtex: ${pdf.file}: ${w}\n` });
      } else if (pdf.kind === 'no-tex') said.push({ stream: 'stderr', text: `gradtex: note: ${pdf.message}\n` });
      else {
        // A failed build is a failed render: non-zero exit, and the summary says so first.
        said.push({ stream: 'stderr', text: `gradtex: the PDF build failed: ${pdf.message}\n` });
        pdfFailed = true;
        failed = true;
      }
    }
    const verdict = renderSummary(tallyAnswers(solved), { pdfFailed });
    said.push({ stream: 'stdout', text: `${specFile}: ${verdict}\n${written.map((w) => `  wrote ${w}\n`).join('')}` });
    return { said, failed };
  });
}
