export { latexPrinter, toLatex } from './to-latex.js';
export { plainPrinter, toPlain } from '../expr/to-plain.js';
export { derivationToLatex, type DerivationLatexOptions } from './steps-to-latex.js';
export { renderKatex, type KatexResult } from './katex.js';
export { escapeLatexText } from './escape.js';
export { noteToLatex, noteToPlain } from './notes.js';
export { latexName } from './symbol-names.js';
export { proseLatex, proseSegments, safeMath, segmentLatex, trustedProseLatex, trustedProseSegments, type Segment } from './prose.js';
