/**
 * The Greek letter names both readers know as symbols: `\alpha` in LaTeX,
 * `alpha` in the plain syntax (the renderer prints them back as `\alpha`).
 *
 *     GREEK_LETTERS.includes('eta')   // true
 */
export const GREEK_LETTERS: readonly string[] = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'pi', 'rho',
  'varrho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega', 'ell',
];
