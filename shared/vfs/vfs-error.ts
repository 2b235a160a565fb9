/** A site operation that was refused; the message is for a person, `code` is for code. */
export class VfsError extends Error {
  override readonly name = 'VfsError';
  readonly code: 'no-site' | 'site-exists' | 'invalid-name' | 'newer-schema';

  constructor(code: VfsError['code'], message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
