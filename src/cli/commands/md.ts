/**
 * `gradtex md IN.md [-o OUT.html] [--fail-on-error]`: a Markdown note through
 * the unified pipeline with remark-gradtex, written as a standalone page.
 * Messages print as `file:line:col: …`; exit 1 when a check failed (or math
 * could not be rendered), 2 when the input cannot be read. With
 * --fail-on-error a failed check also means no page is written, as a site
 * build would stop.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { installKatexAssets } from '../../document/katex-assets.js';
import { notePage } from '../../markdown/note-page.js';
import { formatNoteMessage, noteTitle, renderNote, type NoteMessage } from '../../markdown/render-note.js';
import { MarkdownDepthError } from '../../check/nesting-depth.js';
import { FileError } from '../../parse/file-error.js';
import type { CommandModule } from '../command.js';
import { EXIT, UserError, type Io } from '../io.js';
import { sameFile } from '../same-file.js';
import { collect, parseDetail, parseInteger, parsePositiveInt } from '../options.js';
import type { Detail } from '../../proof/group-steps.js';
import { readShapes } from '../matrix-equal.js';

interface MdFlags {
  out?: string;
  failOnError?: boolean;
  points?: number;
  seed?: number;
  allowRemoteImages?: boolean;
  shape: string[];
  detail: Detail;
}

/** The summary line: "every check holds" only when there were checks and none failed or was undecided. */
function noteSummary(failed: boolean, messages: readonly NoteMessage[], html: string): string {
  if (failed) return 'SOME CHECKS FAILED (see the messages)';
  const undecided = messages.filter((m) => m.ruleId === 'check-undecided' || m.ruleId === 'derive-undecided').length;
  if (undecided > 0) return `no check fails, but ${undecided} could not be decided (see the messages)`;
  // Every derive and check block leaves a verdict paragraph (mdast-nodes.ts).
  if (!html.includes('class="gradtex-check')) return 'nothing to check (no derive or check blocks)';
  return 'every check holds';
}

export const mdCommand: CommandModule = {
  register(program: Command, io: Io, setExit: (code: number) => void): void {
    program
      .command('md')
      .description('Render a Markdown note with derive and check blocks to a standalone HTML page, every check verified')
      .argument('<in>', 'the Markdown note')
      .option('-o, --out <file>', 'the HTML page to write (default: IN with .html)')
      .option('--fail-on-error', 'a failed check stops the build: nothing is written')
      .option('--points <n>', 'random points per check', parsePositiveInt)
      .option('--seed <n>', 'seed for the random points', parseInteger)
      .option('--allow-remote-images', 'let the page load http(s) images (by default a remote image is shown as a link, so the page loads nothing from the network)')
      .option('--shape <decl>', "declare a matrix or vector for every derive and check block, e.g. 'W: m x n, x: n' (repeatable); a block's own 'shapes:' line takes over for the names it shares", collect, [])
      .option('--detail <level>', 'brief (a textbook\'s few lines), standard (bookkeeping merged into the step that caused it) or full (one rewrite per line); every line shown is checked', parseDetail, 'standard')
      .action(async (input: string, flags: MdFlags) => {
        const shapes = readShapes(flags.shape);
        let markdown: string;
        try {
          markdown = readFileSync(input, 'utf8');
        } catch (e) {
          throw new UserError(`cannot read ${input}: ${e instanceof Error ? e.message : String(e)}`);
        }
        const out = flags.out ?? join(dirname(input), `${basename(input, extname(input))}.html`);
        if (sameFile(out, input)) throw new UserError(`refusing to overwrite the input ${input}: choose another -o file`);
        const failOnError = flags.failOnError === true;
        const note = await renderNote(markdown, {
          path: input,
          failOnError,
          allowRemoteImages: flags.allowRemoteImages === true,
          detail: flags.detail,
          ...(shapes.size > 0 ? { shapes } : {}),
          ...(flags.points !== undefined ? { points: flags.points } : {}),
          ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
        }).catch((e: unknown) => {
          if (e instanceof MarkdownDepthError) throw new FileError(input, e.line, e.col, e.detail);
          throw e;
        });
        for (const m of note.messages) io.stderr(`${formatNoteMessage(input, m)}\n`);
        const failed = note.failed || note.messages.some((m) => m.fatal !== undefined);
        if (failOnError && failed) {
          io.stderr(`gradtex: ${input}: a check failed; nothing written (--fail-on-error)\n`);
          setExit(EXIT.failed);
          return;
        }
        const katexCss = installKatexAssets(dirname(out));
        writeFileSync(out, notePage({ title: noteTitle(markdown) ?? basename(input), body: note.html, katexCss }));
        io.stdout(`${input}: ${noteSummary(failed, note.messages, note.html)}\n  wrote ${out}\n`);
        setExit(failed ? EXIT.failed : EXIT.ok);
      });
  },
};
