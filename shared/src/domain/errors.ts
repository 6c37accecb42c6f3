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

/** The input names something that does not exist (an unknown agenda item): HTTP 404. */
export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message)
    this.name = 'NotFoundError'
  }
}

/**
 * The input is well formed but the state refuses it (the minutes are locked, the proposal was
 * decided already): HTTP 409.
 */
export class ConflictError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message)
    this.name = 'ConflictError'
  }
}
