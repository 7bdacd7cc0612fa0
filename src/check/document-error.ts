/**
 * Bad input in a checked document, at a line and column of the file: facts
 * that cannot all hold (at the fact that completes the contradiction), or
 * an environment or delimiter never closed (at where it opens). The CLI
 * reports it as `file:line:col: message` and exits 2.
 *
 *     new DocumentError('\\begin{align} is never closed (no \\end{align})', 12, 1)
 */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}
