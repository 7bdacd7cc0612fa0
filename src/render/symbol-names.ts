/** How symbol names print: Greek letters, accents, multi-letter words. */

export const GREEK: ReadonlySet<string> = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'pi', 'rho',
  'varrho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega', 'ell',
]);

/** alpha -> \alpha, yhat -> \hat{y}, x -> x, loss -> \mathrm{loss}. */
export function latexName(name: string): string {
  if (GREEK.has(name)) return `\\${name}`;
  const accent = /^([A-Za-z])(hat|tilde|bar)$/.exec(name);
  if (accent !== null) return `\\${accent[2]}{${accent[1]}}`;
  if (/^[A-Za-z]$/.test(name)) return name;
  return `\\mathrm{${name}}`;
}
