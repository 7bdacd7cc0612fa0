/**
 * What extraction finds in a document, in document order: math (display
 * blocks are chains to check; inline math states definitions and domains)
 * and `gradtex: assume …` directives. Offsets are into the file's text, so
 * every report can say file:line:col.
 *
 *     { kind: 'math', display: true, text: 'a &= b \\\\ &= c', offset: 120 }
 *     { kind: 'assume', text: 'x > 0, p_i > 0', offset: 40 }
 */
export type Segment =
  | { readonly kind: 'math'; readonly display: boolean; readonly text: string; readonly offset: number }
  | { readonly kind: 'assume'; readonly text: string; readonly offset: number };

/** `gradtex: assume x > 0, …` in a comment; the captured list starts at match index + offset of group. */
export const ASSUME_DIRECTIVE = /gradtex:\s*assume\s+([^\n]*?)\s*(?:-->|$)/;
