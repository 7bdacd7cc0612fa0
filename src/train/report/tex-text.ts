/**
 * Report text for LaTeX: gradtex's escaping of user prose, plus breaking
 * TeX's dash ligatures so that an option such as `--data` prints as two
 * hyphens, not an en dash.
 *
 *     texText('--data 50%'); // '-{}-data 50\\%'
 */
import { escapeLatexText } from '../../render/escape.js';

export function texText(s: string): string {
  return escapeLatexText(s).replace(/-(?=-)/g, '-{}');
}
