/**
 * Where `gradtex check` writes its report: standard output, or the file
 * given with `-o`. The HTML report links KaTeX's stylesheet: with `-o` the
 * stylesheet and fonts are copied next to the page (as `gradtex md` does);
 * on standard output the page links `katex/katex.min.css` and a note on
 * stderr says so. `-o` never writes over an input file; any other existing
 * file is replaced.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { documentKind } from '../check/check-document.js';
import { formatJson, formatText, type FileReport } from '../check/report.js';
import { loadTemplate, templatesDir } from '../document/template.js';
import { UserError, type Io } from './io.js';
import { sameFile } from './same-file.js';

export type CheckFormat = 'text' | 'json' | 'html';

export interface CheckedFile extends FileReport {
  readonly source: string;
}

export interface CheckOutputFlags {
  readonly format: CheckFormat;
  readonly output?: string;
  readonly verbose?: boolean;
}

/** Refuses an output path that is one of the inputs, before anything is checked or written. */
export function refuseInputAsOutput(files: readonly string[], output: string | undefined): void {
  if (output === undefined) return;
  const input = files.find((f) => sameFile(f, output));
  if (input !== undefined) throw new UserError(`refusing to write the report over the input ${input}: choose another -o file`);
}

/** Writes the report; the HTML writer (the Markdown stack, KaTeX's files) loads only for --format html. */
export async function writeCheckReport(io: Io, flags: CheckOutputFlags, checked: readonly CheckedFile[]): Promise<void> {
  let text: string;
  if (flags.format === 'html') {
    const [{ reportHtml }, { installKatexAssets }] = await Promise.all([import('../markdown/check-report.js'), import('../document/katex-assets.js')]);
    const katexCss = flags.output === undefined ? 'katex/katex.min.css' : installKatexAssets(dirname(flags.output));
    const files = checked.map((c) => ({ ...c, kind: documentKind(c.file) }));
    text = reportHtml(files, { katexCss, template: loadTemplate(join(templatesDir(), 'check-report.html')) });
    if (flags.output === undefined) io.stderr('gradtex: the page links katex/katex.min.css; with -o FILE the stylesheet and fonts are copied next to it\n');
  } else text = flags.format === 'json' ? formatJson(checked) : formatText(checked, flags.verbose === true);
  if (flags.output === undefined) {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(flags.output, text);
  } catch (e) {
    throw new UserError(`cannot write ${flags.output}: ${e instanceof Error ? e.message : String(e)}`);
  }
}
