import type { Credential } from '../../sync/credentials'

/** Where a stored credential takes its holder back to. */
export function homeOf(eventId: string, credential: Credential): string | null {
  switch (credential.role) {
    case 'participant':
    case 'facilitator':
      return credential.groupId ? `/e/${eventId}/g/${credential.groupId}` : null
    case 'organiser':
    case 'chair':
    case 'viewer':
    case 'checker':
      return `/e/${eventId}/${credential.role}`
    case 'join':
      return null
  }
}
