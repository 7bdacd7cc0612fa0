/**
 * `gradtex render SPEC… [-o DIR] [--to tex,html,pdf,md] [--template-tex F] …`:
 * work out each problem-set spec and write the solutions as LaTeX, a
 * standalone HTML page, Markdown and (when pdflatex is installed) PDF.
 */
import { mkdirSync } from 'node:fs';
import type { Command } from 'commander';
import type { CommandModule } from '../command.js';
import { runFileJobs } from '../file-jobs.js';
import { EXIT, UserError, type Io } from '../io.js';
import { defaultJobs, parseJobs } from '../jobs.js';
import { collect, parseDetail } from '../options.js';
import type { OutFormat, RenderedSpec, RenderSpecFlags } from '../render-spec.js';
import type { Detail } from '../../proof/group-steps.js';
import { installKatexAssets } from '../../document/katex-assets.js';

const FORMATS: readonly OutFormat[] = ['tex', 'html', 'md', 'pdf'];

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
  jobs?: number;
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
      .option('--jobs <n>', `work on this many specs at once, each in a thread of its own (default: one per core, ${defaultJobs()}); the output is the same, in the order of the specs`, parseJobs)
      .option('--self-contained', "put KaTeX's stylesheet and fonts inside each HTML page (about 400 kB more a page) instead of writing them once to <out>/katex/")
      .action(async (specs: string[], flags: RenderFlags) => {
        const fragment = flags.fragment === true;
        const asked = formats(flags.to);
        // A fragment is not a document pdflatex can build on its own.
        if (fragment && asked.includes('pdf')) io.stderr('gradtex: note: --fragment writes no PDF (the .tex is a piece to \\input in your own document)\n');
        const specFlags: RenderSpecFlags = {
          out: flags.out,
          want: fragment ? asked.filter((f) => f !== 'pdf') : asked,
          fragment,
          shape: flags.shape,
          ...(flags.detail !== undefined ? { detail: flags.detail } : {}),
          selfContained: flags.selfContained === true,
          ...(flags.templateTex !== undefined ? { templateTex: flags.templateTex } : {}),
          ...(flags.templateHtml !== undefined ? { templateHtml: flags.templateHtml } : {}),
          ...(flags.templateMd !== undefined ? { templateMd: flags.templateMd } : {}),
        };
        mkdirSync(flags.out, { recursive: true });
        const jobs = flags.jobs ?? defaultJobs();
        // With jobs in threads of their own, KaTeX's files are copied here, once, before they start: each would copy them at the same time.
        if (jobs > 1 && specs.length > 1 && specFlags.want.includes('html') && !specFlags.selfContained) installKatexAssets(flags.out);
        // A spec with a mistake is reported on its own line (file:line:col); the others are still rendered.
        let failed = false;
        let bad = false;
        await runFileJobs({ command: 'render', flags: specFlags }, specs, jobs, (_i, outcome) => {
          if (!outcome.ok) {
            bad = true;
            io.stderr(`gradtex: ${outcome.message}\n`);
            return;
          }
          const r = outcome.value as RenderedSpec;
          if (r.failed) failed = true;
          for (const s of r.said) (s.stream === 'stdout' ? io.stdout : io.stderr)(s.text);
        });
        setExit(bad ? EXIT.badInput : failed ? EXIT.failed : EXIT.ok);
      });
  },
};
