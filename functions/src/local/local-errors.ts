/** A problem the person starting the product can fix; its message is the one sentence they are shown. */
export class LocalStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalStartError';
  }
}
