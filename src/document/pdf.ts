/**
 * PDF through pdflatex, when it is installed: run without shell escape,
 * halting on the first error, with TeX's file access limited to the output
 * folder (openin_any/openout_any = p), so that nothing in a document can run
 * a program or read a file elsewhere. The first error of the log is returned
 * for the user, and a failed build leaves no PDF behind (an earlier run's is
 * removed first): the render command then exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type PdfResult =
  | { readonly kind: 'written'; readonly file: string; readonly warnings: readonly string[] }
  | { readonly kind: 'no-tex'; readonly message: string }
  | { readonly kind: 'error'; readonly message: string };

export function hasPdflatex(): boolean {
  const r = spawnSync('pdflatex', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** The first "! …" error of a TeX log with its "l.N" line, or undefined. */
export function firstTexError(log: string): string | undefined {
  const lines = log.split('\n');
  const i = lines.findIndex((l) => l.startsWith('! '));
  if (i < 0) return undefined;
  const at = lines.slice(i, i + 12).find((l) => /^l\.\d+/.test(l));
  return `${(lines[i] as string).slice(2)}${at !== undefined ? ` (${at.split(' ')[0]})` : ''}`;
}

/** Warnings that mean the document is not what was meant: undefined commands, missing files. */
export function seriousWarnings(log: string): string[] {
  return log.split('\n').filter((l) => /Undefined control sequence|LaTeX Warning: Reference|File `[^']*' not found|Missing character/.test(l));
}

export function compilePdf(texFile: string): PdfResult {
  if (!hasPdflatex()) return { kind: 'no-tex', message: 'pdflatex is not installed: the .tex file is written; install TeX Live (e.g. apt-get install texlive-latex-recommended) for a PDF' };
  const dir = dirname(texFile);
  const pdf = texFile.replace(/\.tex$/, '.pdf');
  // A PDF left by an earlier run must not pass for this one when the build fails.
  rmSync(pdf, { force: true });
  const r = spawnSync('pdflatex', ['-no-shell-escape', '-halt-on-error', '-interaction=nonstopmode', basename(texFile)], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, openin_any: 'p', openout_any: 'p', shell_escape: 'f' },
  });
  const logFile = join(dir, basename(texFile).replace(/\.tex$/, '.log'));
  const log = existsSync(logFile) ? readFileSync(logFile, 'latin1') : `${r.stdout ?? ''}`;
  if (r.status !== 0 || !existsSync(pdf)) return { kind: 'error', message: `pdflatex failed on ${basename(texFile)}: ${firstTexError(log) ?? (r.error?.message ?? 'see the .log file')}` };
  return { kind: 'written', file: pdf, warnings: seriousWarnings(log) };
}
