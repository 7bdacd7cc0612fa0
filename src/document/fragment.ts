/**
 * Fragments for your own document: the body of a writeup without a page
 * around it, so that `\input{solutions.tex}` works inside your article or
 * beamer file and a `<section>` drops into your own HTML page. A LaTeX
 * fragment says in a comment which packages its body needs (a fragment
 * cannot load packages itself: \usepackage is allowed only in a preamble).
 *
 *     texFragment('\\begin{align*} … \\end{align*}', 'Sigmoid')
 *     // "% gradtex fragment: Sigmoid\n% needs in your preamble: \\usepackage{amsmath,amssymb}\n…"
 */
import { escapeHtml } from '../render/html-escape.js';

/** The packages every gradtex LaTeX body uses: align*, \tag*, \text, \boxed (amsmath); \mathbb and relation symbols (amssymb). */
export const FRAGMENT_PACKAGES: readonly string[] = ['amsmath', 'amssymb'];

/** The comment lines a LaTeX fragment starts with. */
function texHeader(title: string): string[] {
  const oneLine = title.replace(/\s+/g, ' ').trim();
  return [
    `% gradtex fragment${oneLine === '' ? '' : `: ${oneLine}`}`,
    `% needs in your preamble: \\usepackage{${FRAGMENT_PACKAGES.join(',')}}`,
    '% include it with \\input{this-file} inside your document',
  ];
}

/**
 * A LaTeX body as a fragment. The body sits in a group that lets long
 * derivations break across pages (\allowdisplaybreaks, which a whole gradtex
 * document sets in its preamble) and lines with long inline math stretch
 * their spaces rather than run into the margin (\sloppy), without
 * changing the rest of your document.
 */
export function texFragment(body: string, title = ''): string {
  return [...texHeader(title), '\\begingroup\\allowdisplaybreaks\\sloppy', body.trimEnd(), '\\endgroup', ''].join('\n');
}

/** An HTML body as one `<section>`; the page that includes it links KaTeX's stylesheet (`katexCss`, written next to the pages). */
export function htmlFragment(body: string, title: string, katexCss: string): string {
  return [`<!-- gradtex fragment: needs <link rel="stylesheet" href="${escapeHtml(katexCss)}"> in your page's head -->`, `<section class="gradtex">`, `<h2>${escapeHtml(title)}</h2>`, body.trimEnd(), '</section>', ''].join('\n');
}
