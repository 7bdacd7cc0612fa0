/** Named derivations: data in rules/derivations/, computed and checked here. */
export { NamedSpecError, parseNamedSpec, type NamedSpec, type Part } from './spec.js';
export { listNamed, loadNamedSpec, namedDerivationNames, derivationsDir } from './catalog.js';
export { computeNamed, CLAIM_RULE, CLAIM_RULES, type ComputedNamed, type ComputedPart } from './compute.js';
export { verifyNamed, type VerifiedNamed, type VerifiedPart, type NamedVerifyOptions } from './verify.js';
export { namedToJson, answerOf, type NamedJson } from './to-json.js';
export { namedToText } from './to-text.js';
export { namedToLatex, partToLatex, type LatexEnv } from './to-latex.js';
export { parseDefinition, unfold } from './definitions.js';
export { applyParameters, parseParameterList, matchesWhen, type ParameterChoice } from './parameters.js';
