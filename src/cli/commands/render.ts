/**
 * `gradtex render SPEC… [-o DIR] [--to tex,html,pdf,md] [--template-tex F] …`:
 * work out each problem-set spec and write the solutions as LaTeX, a
 * standalone HTML page, Markdown and (when pdflatex is installed) PDF.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Command } from 'commander';
import { installKatexAssets, selfContainedKatexCss } from '../../document/katex-assets.js';
import { compilePdf } from '../../document/pdf.js';
import { solveSpec } from '../../document/solve.js';
import { renderSummary, tallyAnswers } from '../../document/summary.js';
import { parseSpec } from '../../document/spec.js';
import { loadTemplate, templatesDir } from '../../document/template.js';
import { toHtmlDocument, toHtmlFragment } from '../../document/to-html.js';
import { toMarkdownDocument } from '../../document/to-md.js';
import { toTexDocument, toTexFragment } from '../../document/to-tex.js';
import { createEngine } from '../../rewrite/engine.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { readShapes } from '../matrix-equal.js';
import { collect, parseDetail } from '../options.js';
import { sameFile } from '../same-file.js';
import type { Detail } from '../../proof/group-steps.js';

const FORMATS = ['tex', 'html', 'md', 'pdf'] as const;
type OutFormat = (typeof FORMATS)[number];

interface RenderFlags {
  out: string;
  to: string;
  templateTex?: string;
  templateHtml?: string;
  templateMd?: string;
  shape: string[];
  /** Over the spec's own `detail:`; absent: the spec's, else standard. */
  detail?: Detail;
  /** Only the bodies (LaTeX for \input, an HTML <section>): no preamble, no page shell, no PDF. */
  fragment?: boolean;
  /** KaTeX's stylesheet and fonts inside each HTML page rather than once in <out>/katex/. */
  selfContained?: boolean;
}

function formats(spec: string): OutFormat[] {
  const list = spec.split(',').map((s) => s.trim()).filter((s) => s !== '');
  for (const f of list) if (!(FORMATS as readonly string[]).includes(f)) throw new UserError(`--to: unknown format '${f}'; use any of ${FORMATS.join(',')}`);
  return list as OutFormat[];
}

export const renderCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('render')
      .description('Write solutions for problem-set specs (YAML) as LaTeX, HTML, Markdown and PDF, every answer checked')
      .argument('<specs...>', 'problem-set spec files (.yaml)')
      .option('-o, --out <dir>', 'output folder', 'out')
      .option('--to <formats>', 'comma-separated: tex,html,md,pdf', 'tex,html,md,pdf')
      .option('--template-tex <file>', 'your own LaTeX template (slots {{title}} {{author}} {{date}} {{body}})')
      .option('--template-html <file>', 'your own HTML template (slots {{title}} {{author}} {{date}} {{katexCss}} {{body}})')
      .option('--template-md <file>', 'your own Markdown template (slots {{title}} {{author}} {{date}} {{body}})')
      .option('--shape <decl>', "declare a matrix or vector for every problem, e.g. 'W: m x n, x: n' (repeatable); a spec's shapes: take over for the names they share", collect, [])
      .option('--detail <level>', "brief (a textbook's few lines), standard (bookkeeping merged into the step that caused it; the default) or full (one rewrite per line); over a spec's own 'detail:'; every line shown is checked", parseDetail)
      .option('--fragment', 'write only the bodies, to include in your own document: LaTeX without a preamble (\\input{…} it; the packages it needs are listed in a comment) and HTML as one <section>; no PDF')
      .option('--self-contained', "put KaTeX's stylesheet and fonts inside each HTML page (about 400 kB more a page) instead of writing them once to <out>/katex/")
      .action((specs: string[], flags: RenderFlags) => {
        const fragment = flags.fragment === true;
        const asked = formats(flags.to);
        // A fragment is not a document pdflatex can build on its own.
        if (fragment && asked.includes('pdf')) io.stderr('gradtex: note: --fragment writes no PDF (the .tex is a piece to \\input in your own document)\n');
        const want = fragment ? asked.filter((f) => f !== 'pdf') : asked;
        const shapes = readShapes(flags.shape);
        const engine = createEngine();
        const dir = templatesDir();
        const texTemplate = loadTemplate(flags.templateTex ?? join(dir, 'solutions.tex'));
        const htmlTemplate = loadTemplate(flags.templateHtml ?? join(dir, 'page.html'));
        const mdTemplate = loadTemplate(flags.templateMd ?? join(dir, 'notes.md'));
        mkdirSync(flags.out, { recursive: true });
        let failed = false;
        for (const specFile of specs) {
          let text: string;
          try {
            text = readFileSync(specFile, 'utf8');
          } catch (e) {
            throw new UserError(`cannot read ${specFile}: ${e instanceof Error ? e.message : String(e)}`);
          }
          const solved = solveSpec(engine, specFile, parseSpec(specFile, text), shapes, flags.detail);
          if (!solved.allVerified) failed = true;
          const stem = basename(specFile, extname(specFile));
          const write = (ext: string, content: string): string => {
            const file = join(flags.out, `${stem}.${ext}`);
            // Never overwrite what the user wrote: the spec itself is not an output.
            if (sameFile(file, specFile)) throw new UserError(`refusing to overwrite the input ${specFile}: choose another --out folder`);
            writeFileSync(file, content);
            return file;
          };
          const written: string[] = [];
          let texFile: string | undefined;
          if (want.includes('tex') || want.includes('pdf')) written.push((texFile = write('tex', fragment ? toTexFragment(solved) : toTexDocument(solved, texTemplate))));
          if (want.includes('html')) {
            const katexCss = flags.selfContained === true ? selfContainedKatexCss() : installKatexAssets(flags.out);
            written.push(write('html', fragment ? toHtmlFragment(solved, katexCss) : toHtmlDocument(solved, htmlTemplate, katexCss)));
          }
          if (want.includes('md')) written.push(write('md', toMarkdownDocument(solved, mdTemplate)));
          let pdfFailed = false;
          if (want.includes('pdf') && texFile !== undefined) {
            const pdf = compilePdf(texFile);
            if (pdf.kind === 'written') {
              written.push(pdf.file);
              for (const w of pdf.warnings) io.stderr(`gradtex: ${pdf.file}: ${w}\n`);
            } else if (pdf.kind === 'no-tex') io.stderr(`gradtex: note: ${pdf.message}\n`);
            else {
              // A failed build is a failed render: non-zero exit, and the summary says so first.
              io.stderr(`gradtex: the PDF build failed: ${pdf.message}\n`);
              pdfFailed = true;
              failed = true;
            }
          }
          const verdict = renderSummary(tallyAnswers(solved), { pdfFailed });
          io.stdout(`${specFile}: ${verdict}\n${written.map((w) => `  wrote ${w}\n`).join('')}`);
        }
        setExit(failed ? EXIT.failed : EXIT.ok);
      });
  },
};
