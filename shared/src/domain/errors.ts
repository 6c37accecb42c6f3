/**
 * A rule was broken by the input (not by the program). `code` is stable and travels to the
 * client as `{error: {code, message}}`; the client shows a translated text for it.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
