/**
 * LaTeX to HTML through KaTeX with `throwOnError: true` and `trust: false`:
 * errors become values so that a document can report them and carry on.
 * KaTeX draws an untrusted command (\href, \url, \includegraphics, \htmlId…)
 * as red text rather than throwing; we report it as an error too, so that
 * nothing half-rendered passes for success.
 */
import { createRequire } from 'node:module';
import type Katex from 'katex';

// KaTeX is 600 kB of JavaScript: loaded on the first rendering, not at start-up
// (`gradtex diff` prints LaTeX without ever rendering it). Its CommonJS build is
// the same release as the ESM one.
const require = createRequire(import.meta.url);
let katex: typeof Katex | undefined;
const loadKatex = (): typeof Katex => (katex ??= require('katex') as typeof Katex);

export type KatexResult = { readonly ok: true; readonly html: string } | { readonly ok: false; readonly message: string };

/**
 * renderKatex('\\frac{1}{2}').ok === true;
 * renderKatex('\\frac{1}').ok === false, with KaTeX's message and position.
 */
export function renderKatex(latex: string, opts: { displayMode?: boolean } = {}): KatexResult {
  const refused: string[] = [];
  const trust = (context: { command: string }): boolean => {
    refused.push(context.command);
    return false;
  };
  try {
    const html = loadKatex().renderToString(latex, { throwOnError: true, trust, displayMode: opts.displayMode ?? false, strict: 'ignore' });
    if (refused.length > 0) return { ok: false, message: `${refused.join(', ')} is not allowed: gradtex renders math only, without links, images or HTML attributes` };
    return { ok: true, html };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
