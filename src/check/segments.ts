/**
 * What extraction finds in a document, in document order: math (display
 * blocks are chains to check; inline math states definitions and domains,
 * or claims), `gradtex: assume …` directives, and math gradtex skips on
 * purpose (an algorithm's assignments, a diagram), kept so that every
 * relation in it is reported "not read" rather than dropped. Offsets are into
 * the file's text, so every report can say file:line:col.
 *
 *     { kind: 'math', display: true, text: 'a &= b \\\\ &= c', offset: 120 }
 *     { kind: 'math', display: true, text: 'a <= b', offset: 7, syntax: 'plain' }
 *     { kind: 'assume', text: 'x > 0, p_i > 0', offset: 40 }
 *     { kind: 'skipped', text: 'i = i + 1', offset: 300, reason: 'inside \\begin{algorithmic} …' }
 */
export type Segment =
  | {
      readonly kind: 'math';
      readonly display: boolean;
      readonly text: string;
      readonly offset: number;
      /** `plain`: a line of a plain-text file, read in the plain syntax first, then as LaTeX. Default LaTeX. */
      readonly syntax?: 'plain';
    }
  | { readonly kind: 'assume'; readonly text: string; readonly offset: number }
  | { readonly kind: 'skipped'; readonly text: string; readonly offset: number; readonly reason: string };

/** `gradtex: assume x > 0, …` in a comment; the captured list starts at match index + offset of group. */
export const ASSUME_DIRECTIVE = /gradtex:\s*assume\s+([^\n]*?)\s*(?:-->|$)/;
