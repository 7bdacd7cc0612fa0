/** A mistake in what the user asked `gradtex construct` for: one line, exit 2. */
export class ConstructError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConstructError';
  }
}
