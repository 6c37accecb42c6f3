import { DomainError } from '@hytepaja/shared/domain/errors'

/** Runs a domain write; a broken rule comes back as its code, anything else is a bug. */
export function attempt(write: () => void): string | null {
  try {
    write()
    return null
  } catch (error) {
    if (error instanceof DomainError) return error.code
    throw error
  }
}
