/**
 * The mdast nodes the plugin puts into a document. A display math node
 * carries the same `data` that remark-math gives the `$$` blocks it parses
 * (a `pre > code.language-math.math-display` element), so remark-rehype
 * turns it into what rehype-katex (or rehype-mathjax) renders.
 *
 *     displayMath('x^{2}') // { type: 'math', value: 'x^{2}', data: { hName: 'pre', … } }
 */
import type { Paragraph } from 'mdast';
import type { Math } from 'mdast-util-math';
import type { Position } from 'unist';

function at(position: Position | undefined): { position?: Position } {
  return position === undefined ? {} : { position };
}

/** Display math, as remark-math would have parsed `$$\nlatex\n$$`. */
export function displayMath(latex: string, position?: Position): Math {
  return {
    type: 'math',
    meta: null,
    value: latex,
    data: {
      hName: 'pre',
      hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value: latex }] }],
    },
    ...at(position),
  };
}

/** The one-line verdict under a derivation or a chain: `<p class="gradtex-check">✓ …</p>` (`gradtex-check failed` when it did not hold). */
export function verdictParagraph(text: string, failed: boolean, position?: Position): Paragraph {
  return {
    type: 'paragraph',
    data: { hProperties: { className: failed ? ['gradtex-check', 'failed'] : ['gradtex-check'] } },
    children: [{ type: 'text', value: text }],
    ...at(position),
  };
}

/** A part's title above its derivation, as an emphasised line: `<p><em>Case i = j</em></p>`. */
export function headingParagraph(text: string, position?: Position): Paragraph {
  return { type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: text }] }], ...at(position) };
}
