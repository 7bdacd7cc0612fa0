/**
 * An error in a data file the user gave (wrong magic, dtype, shape, counts):
 * a code, the file, and the byte offset where the problem is when there is one.
 *
 *     throw new DataError('E_DATA_MAGIC', 'not an .npy file (no \\x93NUMPY magic)', 'x.npy', 0);
 */
export type DataErrorCode =
  | 'E_DATA_MAGIC'
  | 'E_DATA_HEADER'
  | 'E_DATA_DTYPE'
  | 'E_DATA_SHAPE'
  | 'E_DATA_TRUNCATED'
  | 'E_DATA_COUNT'
  | 'E_DATA_LABEL'
  | 'E_DATA_VALUE'
  | 'E_DATA_MISSING'
  | 'E_DATA_CHECKPOINT';

export class DataError extends Error {
  constructor(
    readonly code: DataErrorCode,
    readonly detail: string,
    readonly file: string,
    readonly offset?: number,
  ) {
    super(`${file}${offset === undefined ? '' : ` (byte ${offset})`}: ${detail}`);
    this.name = 'DataError';
  }
}
