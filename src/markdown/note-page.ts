/**
 * A rendered note as a standalone page: the body from the unified pipeline,
 * KaTeX's stylesheet linked from a folder next to the page (copied there
 * with its fonts, so the page works offline), and a little CSS for the
 * verdict lines.
 *
 *     notePage({ title: 'Sigmoid', body: '<p>…</p>', katexCss: 'katex/katex.min.css' })
 *     // '<!DOCTYPE html>\n<html lang="en">…<title>Sigmoid</title>…'
 */
import { escapeHtml } from '../render/html-escape.js';

export interface NotePageParts {
  readonly title: string;
  /** HTML from the pipeline (already safe: raw HTML dropped, addresses allow-listed and sanitised; see render-note.ts). */
  readonly body: string;
  /** The stylesheet's address relative to the page. */
  readonly katexCss: string;
}

const STYLE = `body { font-family: Georgia, "Times New Roman", serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
.katex-display { overflow-x: auto; overflow-y: hidden; padding: 0.2rem 0; }
.gradtex-check { font-size: 0.9rem; color: #225522; margin-top: -0.4rem; }
.gradtex-check.failed { color: #aa2222; }
pre { background: #f6f6f6; padding: 0.5rem; overflow-x: auto; }
code { font-size: 0.9em; }`;

export function notePage(parts: NotePageParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<link rel="stylesheet" href="${escapeHtml(parts.katexCss)}">
<style>
${STYLE}
</style>
</head>
<body>
<main>
${parts.body}
</main>
</body>
</html>
`;
}
