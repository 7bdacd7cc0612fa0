/**
 * Golden HTML that a person can review: each KaTeX rendering (hundreds of
 * spans of MathML and positioned boxes, lines of 100k characters) is replaced
 * by the LaTeX source gradtex generated, which KaTeX keeps in its
 * `<annotation encoding="application/x-tex">`. What the goldens pin is then
 * our LaTeX and our page structure; KaTeX's own markup is KaTeX's business
 * (the browser tests check that it renders without errors).
 *
 *     reviewableHtml('<span class="katex">…<annotation encoding="application/x-tex">x^2</annotation>…</span>')
 *     // '<katex>x^2</katex>'
 */
const OPEN = '<span class="katex">';
const ANNOTATION = /<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/;

/** The index just past the </span> that closes the span opened at `start`. */
function endOfSpan(html: string, start: number): number {
  let depth = 0;
  const tag = /<span\b|<\/span>/g;
  tag.lastIndex = start;
  for (let m = tag.exec(html); m !== null; m = tag.exec(html)) {
    depth += m[0] === '</span>' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return html.length;
}

export function reviewableHtml(html: string): string {
  let out = '';
  let at = 0;
  for (let i = html.indexOf(OPEN, at); i >= 0; i = html.indexOf(OPEN, at)) {
    const end = endOfSpan(html, i);
    const tex = ANNOTATION.exec(html.slice(i, end))?.[1];
    out += html.slice(at, i) + (tex === undefined ? html.slice(i, end) : `<katex>${tex}</katex>`);
    at = end;
  }
  return out + html.slice(at);
}
