import { ConflictError, NotFoundError } from '@hytepaja/shared/domain/errors'
import type { Organisation } from '@hytepaja/shared/register/organisations'
import { deriveToken, hashToken, newNonce } from '../auth/tokens.js'
import type { ServerContext } from '../context.js'
import {
  type FollowUpLinkRow,
  findFollowUpLink,
  insertFollowUpLink,
  liveFollowUpLinks,
  revokeFollowUpLinks,
} from '../store/followUp.js'
import { recordRegisterAudit } from '../store/registerAudit.js'
import { type RegisterActor, registerSnapshot } from './register.js'

/**
 * Follow-up links: a capability a responsible organisation gets to see its own agreed actions
 * across every event and to report on them; no account, not tied to one event. Only the hash
 * is stored; the token is derived from a stored nonce under the server's link secret, so the
 * console can show the link again (like the role links). One live link per organisation;
 * making a new one revokes the old.
 */

/** Where a follow-up link opens in the app (the token after `#` never reaches a server log). */
export function followUpUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/follow-up#${token}`
}

export interface FollowUpLinkView {
  organisation: { id: string; name: string; kind: Organisation['kind'] }
  token: string
  link: string
  createdAt: number
}

function linkView(ctx: ServerContext, row: FollowUpLinkRow, org: Organisation): FollowUpLinkView {
  const token = deriveToken(ctx.secrets.linkSecret, row.nonce)
  return {
    organisation: { id: org.id, name: org.name, kind: org.kind },
    token,
    link: followUpUrl(ctx.config.publicUrl, token),
    createdAt: Number(row.created_at),
  }
}

/** Every live link, by the organisation it was made for. */
export async function followUpLinks(ctx: ServerContext): Promise<FollowUpLinkView[]> {
  const [rows, register] = await Promise.all([liveFollowUpLinks(ctx.db), registerSnapshot(ctx.db)])
  return rows.flatMap((row) => {
    const org = register.byId.get(row.organisation_id)
    return org ? [linkView(ctx, row, org)] : []
  })
}

async function organisationFor(ctx: ServerContext, id: string): Promise<Organisation> {
  const org = (await registerSnapshot(ctx.db)).byId.get(id)
  if (!org) throw new NotFoundError('organisation.notFound', 'no such organisation')
  return org
}

export async function followUpLinkOf(ctx: ServerContext, organisationId: string) {
  await organisationFor(ctx, organisationId)
  const link = (await followUpLinks(ctx)).find((l) => l.organisation.id === organisationId)
  if (!link) throw new NotFoundError('followUpLink.none', 'this organisation has no live link')
  return link
}

/** A new link for an organisation (not a merged one: give it to what it was merged into). */
export async function createFollowUpLink(
  ctx: ServerContext,
  actor: RegisterActor,
  organisationId: string,
): Promise<FollowUpLinkView> {
  const org = await organisationFor(ctx, organisationId)
  if (org.mergedInto)
    throw new ConflictError('organisation.merged', 'make the link for the organisation it became')
  const nonce = newNonce()
  const row = {
    hash: hashToken(deriveToken(ctx.secrets.linkSecret, nonce)),
    organisation_id: organisationId,
    nonce,
    created_at: Date.now(),
  }
  await ctx.db.transaction(async (tx) => {
    await revokeFollowUpLinks(tx, organisationId)
    await insertFollowUpLink(tx, row)
  })
  await recordRegisterAudit(ctx.db, {
    actorRole: actor.role,
    actorId: actor.id,
    action: 'followUpLink.create',
    target: organisationId,
  })
  return linkView(ctx, { ...row, revoked_at: null }, org)
}

export async function revokeFollowUpLink(
  ctx: ServerContext,
  actor: RegisterActor,
  organisationId: string,
): Promise<void> {
  await organisationFor(ctx, organisationId)
  if ((await revokeFollowUpLinks(ctx.db, organisationId)) === 0)
    throw new NotFoundError('followUpLink.none', 'this organisation has no live link')
  await recordRegisterAudit(ctx.db, {
    actorRole: actor.role,
    actorId: actor.id,
    action: 'followUpLink.revoke',
    target: organisationId,
  })
}

/**
 * The organisation a follow-up token speaks for, as it counts now (a link made before a merge
 * speaks for what the organisation was merged into); null for an unknown or revoked token.
 */
export async function followUpHolder(
  ctx: ServerContext,
  token: string | undefined,
): Promise<{ organisation: Organisation; tokenHash: string } | null> {
  if (!token || token.length > 200) return null
  const hash = hashToken(token)
  const row = await findFollowUpLink(ctx.db, hash)
  if (!row || row.revoked_at !== null) return null
  const organisation = (await registerSnapshot(ctx.db)).canonical(row.organisation_id)
  return organisation ? { organisation, tokenHash: hash } : null
}
