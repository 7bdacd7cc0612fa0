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
  'γ': '$\\gamma$',
  'ζ': '$\\zeta$',
  'ι': '$\\iota$',
  'κ': '$\\kappa$',
  'ν': '$\\nu$',
  'ξ': '$\\xi$',
  'ρ': '$\\rho$',
  'τ': '$\\tau$',
  'υ': '$\\upsilon$',
  'φ': '$\\varphi$',
  'ϕ': '$\\phi$',
  'χ': '$\\chi$',
  'ψ': '$\\psi$',
  'ω': '$\\omega$',
  'Γ': '$\\Gamma$',
  'Δ': '$\\Delta$',
  'Θ': '$\\Theta$',
  'Λ': '$\\Lambda$',
  'Ξ': '$\\Xi$',
  'Π': '$\\Pi$',
  'Φ': '$\\Phi$',
  'Ψ': '$\\Psi$',
  'Ω': '$\\Omega$',
  'ᵀ': '$^{\\top}$',
  '⊤': '$\\top$',
  'ℝ': '$\\mathbb{R}$',
  'ℕ': '$\\mathbb{N}$',
  'ℤ': '$\\mathbb{Z}$',
  '∀': '$\\forall$',
  '∃': '$\\exists$',
  '∅': '$\\emptyset$',
  '∩': '$\\cap$',
  '∪': '$\\cup$',
  '⊂': '$\\subset$',
  '⊆': '$\\subseteq$',
  '⊃': '$\\supset$',
  '⊇': '$\\supseteq$',
  '≡': '$\\equiv$',
  '∝': '$\\propto$',
  '∼': '$\\sim$',
  '≪': '$\\ll$',
  '≫': '$\\gg$',
  '⊙': '$\\odot$',
  '⊗': '$\\otimes$',
  '⊕': '$\\oplus$',
  '∘': '$\\circ$',
  '⋅': '$\\cdot$',
  '√': '$\\surd$',
  '‖': '$\\|$',
  '∣': '$\\mid$',
  '⟨': '$\\langle$',
  '⟩': '$\\rangle$',
  '↦': '$\\mapsto$',
  '⇔': '$\\Leftrightarrow$',
  '↔': '$\\leftrightarrow$',
  '∧': '$\\wedge$',
  '∨': '$\\vee$',
  '″': "$''$",
  '₀': '$_{0}$',
  '₁': '$_{1}$',
  '₂': '$_{2}$',
  '₃': '$_{3}$',
  '₄': '$_{4}$',
  '₅': '$_{5}$',
  '₆': '$_{6}$',
  '₇': '$_{7}$',
  '₈': '$_{8}$',
  '₉': '$_{9}$',
  '⁰': '$^{0}$',
  '⁴': '$^{4}$',
  '⁵': '$^{5}$',
  '⁶': '$^{6}$',
  '⁷': '$^{7}$',
  '⁸': '$^{8}$',
  '⁹': '$^{9}$',
  '⁻': '$^{-}$',
  '⁺': '$^{+}$',
  '⁽': '$^{(}$',
  '⁾': '$^{)}$',
  'ⁿ': '$^{n}$',
  'ᵢ': '$_{i}$',
  'ⱼ': '$_{j}$',
  'ₖ': '$_{k}$',
  '¹': '$^{1}$',
  '²': '$^{2}$',
  'ỹ': '$\\tilde{y}$',
  '½': '$\\frac{1}{2}$',
  '³': '$^{3}$',
  '°': '$^{\\circ}$',
  '¬': '$\\neg$',
  '÷': '$\\div$',
  'µ': '$\\mu$',
  '†': '$\\dagger$',
  '‡': '$\\ddagger$',
  '•': '$\\bullet$',
  '\u00a0': ' ',
};

/**
 * Characters pdfLaTeX (T1 fonts, utf8 input) and KaTeX's \text both print
 * as text: Latin-1 and Latin Extended-A letters (é, ł; NFC has composed
 * accents where it can), and the usual typographic punctuation. Anything else that is not in MATH_SYMBOL has no
 * glyph there and would stop pdflatex with "Unicode character … not set up".
 */
function printableAsText(c: string, code: number): boolean {
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xc0 && code <= 0x17f && /\p{L}/u.test(c) && !NO_T1_GLYPH.has(code)) || TYPOGRAPHIC.has(code);
}

// Latin Extended-A letters T1 fonts lack (Ħ ħ ĸ Ŀ ŀ ŉ Ŧ ŧ ſ), found by compiling them all.
const NO_T1_GLYPH = new Set([0x126, 0x127, 0x138, 0x13f, 0x140, 0x149, 0x166, 0x167, 0x17f]);

// – — ‘ ’ “ ” … (KaTeX has no metrics for the rest of General Punctuation).
const TYPOGRAPHIC = new Set([0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026]);


function replace(c: string): string {
  const special = SPECIAL[c] ?? MATH_SYMBOL[c];
  if (special !== undefined) return special;
  // A line break inside \text{} would end a paragraph in LaTeX.
  if (c === '\t' || c === '\n' || c === '\r') return ' ';
  const code = c.codePointAt(0) ?? 0;
  // Control characters have no glyph.
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return '';
  if (printableAsText(c, code)) return c;
  // Broken surrogates, private-use, combining accents NFC could not compose
  // and unknown symbols: named by their code
  // point, so the reader sees that something was there and what it was.
  return `[U+${code.toString(16).toUpperCase().padStart(4, '0')}]`;
}

/** escapeLatexText('50% of $x_1$') === '50\\% of \\$x\\_1\\$' */
export function escapeLatexText(s: string): string {
  return (
    s
      .normalize('NFC')
      // Code points, not UTF-16 units: a character outside the BMP is one character.
      .replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[^]/g, replace)
  );
}
