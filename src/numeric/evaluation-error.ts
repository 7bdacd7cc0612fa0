/** Why an expression could not be evaluated; a domain violation is NaN, not an error. */
export class EvaluationError extends Error {
  constructor(
    readonly code: 'E_EVAL_UNBOUND' | 'E_EVAL_UNSUPPORTED',
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}
