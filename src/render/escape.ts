/**
 * User prose in LaTeX: every character that TeX treats specially is printed
 * as itself, so `\input{/etc/passwd}` or `\write18{…}` in a problem statement
 * is shown, never run (a backslash becomes \textbackslash{}, so no control
 * sequence can be formed). The output works in text mode in LaTeX and in
 * KaTeX's \text{…}.
 */
const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '%': '\\%',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
  // In LaTeX's default OT1 encoding these print as ¡, ¿ and an em dash.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/**
 * Math symbols that text mode cannot typeset (KaTeX refuses them in \text,
 * pdfLaTeX has no text glyph): written as inline math instead.
 */
const MATH_SYMBOL: Readonly<Record<string, string>> = {
  '≠': '$\\neq$',
  '∑': '$\\sum$',
  '∏': '$\\prod$',
  '∫': '$\\int$',
  '∬': '$\\iint$',
  '∮': '$\\oint$',
  '∉': '$\\notin$',
  '−': '$-$',
  '∗': '$*$',
  '′': "$'$",
  '≤': '$\\le$',
  '≥': '$\\ge$',
  '±': '$\\pm$',
  '×': '$\\times$',
  '·': '$\\cdot$',
  '→': '$\\to$',
  '←': '$\\leftarrow$',
  '⇒': '$\\Rightarrow$',
  '∈': '$\\in$',
  '≈': '$\\approx$',
  '∞': '$\\infty$',
  '∂': '$\\partial$',
  '∇': '$\\nabla$',
  'α': '$\\alpha$',
  'β': '$\\beta$',
  'δ': '$\\delta$',
  'ε': '$\\varepsilon$',
  'η': '$\\eta$',
  'θ': '$\\theta$',
  'λ': '$\\lambda$',
  'μ': '$\\mu$',
  'π': '$\\pi$',
  'σ': '$\\sigma$',
  'Σ': '$\\Sigma$',
};

const CHARACTER = /[\\{}$&#%_^~<>|≠∑∏∫∬∮∉−∗′≤≥±×·→←⇒∈≈∞∂∇αβδεηθλμπσΣ]|[\t\n\r]|[\u0000-\u001f\u007f-\u009f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|[\uE000-\uF8FF]/g;

function replace(c: string): string {
  const special = SPECIAL[c] ?? MATH_SYMBOL[c];
  if (special !== undefined) return special;
  // A line break inside \text{} would end a paragraph in LaTeX.
  if (c === '\t' || c === '\n' || c === '\r') return ' ';
  // Control characters have no glyph; broken surrogates and private-use
  // characters have no meaning outside the program that made them.
  const code = c.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f) ? '' : '\uFFFD';
}

/** escapeLatexText('50% of $x_1$') === '50\\% of \\$x\\_1\\$' */
export function escapeLatexText(s: string): string {
  return (
    s
      .normalize('NFC')
      .replace(CHARACTER, replace)
      // A combining accent with no letter to sit on cannot be typeset.
      .replace(/(^|[^\p{L}\p{N}\p{M}])\p{M}+/gu, '$1')
  );
}
