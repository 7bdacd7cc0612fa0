/**
 * An error in a file the user wrote (a rule file, a problem-set spec), named
 * the way compilers do: `file:line:col: what is wrong and what to write`.
 */
export class FileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly col: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}:${col}: ${detail}`);
    this.name = 'FileError';
  }
}
