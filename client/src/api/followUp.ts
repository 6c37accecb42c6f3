import type { AgeGroup } from '@hytepaja/shared/doc/schema/board'
import type { ActionView, OwnActionView, ReportView } from '@hytepaja/shared/followUp/actionViews'
import type { FollowUpStatus } from '@hytepaja/shared/followUp/reports'
import type { OrganisationKind } from '@hytepaja/shared/register/organisations'
import { requestJson } from './http'

export type { ActionView, OwnActionView, ReportView }

/** A summary's filter as the page keeps it in the address (`/admin/summaries?year=2026`). */
export interface ActionFilter {
  year?: string
  from?: string
  to?: string
  municipalityGroupId?: string
  theme?: string
  organisationId?: string
  ageGroup?: AgeGroup
}

export function filterQuery(filter: ActionFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...filter, ...extra }))
    if (value) params.set(key, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

export interface FollowUpLink {
  organisation: { id: string; name: string; kind: OrganisationKind }
  token: string
  link: string
  createdAt: number
}

export interface UnreportedOrganisation {
  organisation: { id: string; name: string; kind: OrganisationKind }
  hasLink: boolean
  actions: Array<{
    id: string
    event: { id: string; title: string; startsAt: string }
    label: string | null
    theme: string
    what: string
    lastReportAt: number | null
  }>
}

export interface Unreported {
  organisations: UnreportedOrganisation[]
  unmapped: Array<{ actionId: string; position: number; name: string }>
}

/** The organiser's side of the follow-up (console key). */
export const followUpAdmin = {
  unreported: (token: string, filter: ActionFilter, signal?: AbortSignal) =>
    requestJson<Unreported>(`/api/actions/unreported${filterQuery(filter)}`, { token, signal }),
  links: (token: string, signal?: AbortSignal) =>
    requestJson<{ links: FollowUpLink[] }>('/api/follow-up-links', { token, signal }).then(
      (b) => b.links,
    ),
  createLink: (token: string, organisationId: string) =>
    requestJson<FollowUpLink>(
      `/api/organisations/${encodeURIComponent(organisationId)}/follow-up-link`,
      { method: 'POST', token },
    ),
}

export interface ReportInput {
  status: FollowUpStatus
  report: string
  measuredValue: string
  measuredOn: string
  reporterName: string
}

export interface OwnActions {
  organisation: { id: string; name: string; kind: OrganisationKind }
  actions: OwnActionView[]
}

/** A responsible organisation's follow-up link (`/follow-up#token`): its own actions only. */
export const followUpLink = {
  actions: (token: string, signal?: AbortSignal) =>
    requestJson<OwnActions>('/api/follow-up', { token, signal }),
  report: (token: string, actionId: string, input: ReportInput) =>
    requestJson<{ report: ReportView; action: OwnActionView }>(
      `/api/follow-up/actions/${encodeURIComponent(actionId)}/reports`,
      {
        method: 'POST',
        token,
        body: {
          status: input.status,
          report: input.report,
          reporterName: input.reporterName,
          // A day without a value would be refused (`followUp.measuredOn.withoutValue`).
          ...(input.measuredValue.trim()
            ? { measuredValue: input.measuredValue, measuredOn: input.measuredOn || undefined }
            : {}),
        },
      },
    ),
}
