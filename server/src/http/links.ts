import type { Role } from '@hytepaja/shared/domain/roles'

/**
 * Absolute links with the token after `#`: browsers never send the fragment, so the token stays
 * out of server logs and Referer headers.
 */
export function roleLink(
  publicUrl: string,
  eventId: string,
  role: Role,
  token: string,
  groupId?: string,
) {
  const base = `${publicUrl}/e/${eventId}`
  switch (role) {
    case 'facilitator':
      return `${base}/g/${groupId}#${token}`
    case 'participant':
      return `${base}/me#${token}`
    default:
      return `${base}/${role}#${token}`
  }
}

export function consoleLink(publicUrl: string, adminToken: string) {
  return `${publicUrl}/admin#${adminToken}`
}
