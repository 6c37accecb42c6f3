import type { OrganisationKind } from '@hytepaja/shared/register/organisations'
import { requestJson } from './http'

/** The county's register (console key): organisations, their merges and municipality groups. */

export interface Organisation {
  id: string
  name: string
  kind: OrganisationKind
  origin: 'join' | 'organiser' | 'action' | 'municipalityGroup'
  mergedInto: string | null
  aliases: string[]
  participants: number
  createdAt: number
}

export interface DuplicatePair {
  a: { id: string; name: string; kind: OrganisationKind }
  b: { id: string; name: string; kind: OrganisationKind }
  similarity: number
}

export interface Merge {
  id: string
  sourceId: string
  targetId: string
  mergedAt: number
  mergedBy: string
  undoneAt: number | null
  undoneBy: string | null
}

export interface MunicipalityGroup {
  id: string
  name: string
  municipalities: Array<{ id: string; name: string }>
  events: number
}

const json = (method: 'POST' | 'PATCH', token: string, body: unknown) => ({ method, token, body })

export const register = {
  organisations: (token: string, signal?: AbortSignal) =>
    requestJson<{ organisations: Organisation[] }>('/api/organisations', { token, signal }).then(
      (b) => b.organisations,
    ),
  duplicates: (token: string, signal?: AbortSignal) =>
    requestJson<{ pairs: DuplicatePair[] }>('/api/organisations/duplicates', {
      token,
      signal,
    }).then((b) => b.pairs),
  merges: (token: string, signal?: AbortSignal) =>
    requestJson<{ merges: Merge[] }>('/api/organisations/merges', { token, signal }).then(
      (b) => b.merges,
    ),
  createOrganisation: (token: string, input: { name: string; kind?: OrganisationKind }) =>
    requestJson<{ organisation: Organisation }>(
      '/api/organisations',
      json('POST', token, input),
    ).then((b) => b.organisation),
  editOrganisation: (
    token: string,
    id: string,
    patch: { name?: string; kind?: OrganisationKind },
  ) =>
    requestJson<{ organisation: Organisation }>(
      `/api/organisations/${encodeURIComponent(id)}`,
      json('PATCH', token, patch),
    ).then((b) => b.organisation),
  merge: (token: string, sourceId: string, targetId: string) =>
    requestJson<{ merge: Merge }>(
      `/api/organisations/${encodeURIComponent(sourceId)}/merge`,
      json('POST', token, { into: targetId }),
    ).then((b) => b.merge),
  undoMerge: (token: string, mergeId: string) =>
    requestJson<{ merge: Merge }>(`/api/organisations/merges/${encodeURIComponent(mergeId)}/undo`, {
      method: 'POST',
      token,
    }).then((b) => b.merge),
  groups: (token: string, signal?: AbortSignal) =>
    requestJson<{ municipalityGroups: MunicipalityGroup[] }>('/api/municipality-groups', {
      token,
      signal,
    }).then((b) => b.municipalityGroups),
  createGroup: (token: string, input: { name: string; municipalities: string[] }) =>
    requestJson<{ municipalityGroup: MunicipalityGroup }>(
      '/api/municipality-groups',
      json('POST', token, input),
    ).then((b) => b.municipalityGroup),
  editGroup: (token: string, id: string, patch: { name?: string; municipalities?: string[] }) =>
    requestJson<{ municipalityGroup: MunicipalityGroup }>(
      `/api/municipality-groups/${encodeURIComponent(id)}`,
      json('PATCH', token, patch),
    ).then((b) => b.municipalityGroup),
  removeGroup: (token: string, id: string) =>
    requestJson<null>(`/api/municipality-groups/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      token,
    }),
}
