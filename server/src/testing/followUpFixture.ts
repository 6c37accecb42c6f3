import { afterAll, beforeAll } from 'vitest'
import { api } from './accessFixture.js'
import type { TestServer } from './bothStores.js'
import { holdNegotiation } from './yearCycleFixture.js'

/** The follow-up suites' meeting: what it agreed, and the console's calls that read it. */

export const KUNTA = 'Järvilaakson kunta'
export const SEURAKUNTA = 'Kivikosken seurakunta'

/** One agreed action as the console's index and the follow-up links show it. */
export type ActionView = {
  id: string
  label: string
  theme: string
  what: string
  outcome: string
  minutes: { state: string }
  status: string | null
  responsible: Array<{
    name: string
    organisationId: string
    organisation: string
    status: string | null
  }>
}

/**
 * Within a suite (`describeOnBothStores`): a server on which a negotiation in October 2025
 * agreed §9 a as proposed (two actions, the kunta's and one shared with the parish), §9 b
 * amended (the youth group, moved to the parish) and rejected §9 c; and the console's calls,
 * with its key, that read what was agreed. The fields are set in `beforeAll`.
 */
export function withAgreedActions(
  start: () => Promise<TestServer>,
  stop: (server: TestServer) => Promise<void>,
) {
  const agreed = {
    server: undefined as unknown as TestServer,
    key: '',
    held: undefined as unknown as Awaited<ReturnType<typeof holdNegotiation>>,
    /** The console's index of the negotiation's agreed actions. */
    actions: async (): Promise<ActionView[]> =>
      (await api(agreed.server, 'GET', `/api/actions?eventId=${agreed.held.event.id}`, agreed.key))
        .json.actions,
    organisationId: async (name: string) =>
      (await api(agreed.server, 'GET', '/api/organisations', agreed.key)).json.organisations.find(
        (o: { name: string }) => o.name === name,
      ).id as string,
    /** A new follow-up link for the organisation (which revokes its old one). */
    link: async (name: string) =>
      (
        await api(
          agreed.server,
          'POST',
          `/api/organisations/${await agreed.organisationId(name)}/follow-up-link`,
          agreed.key,
        )
      ).json as { token: string; link: string },
  }
  beforeAll(async () => {
    agreed.server = await start()
    agreed.key = agreed.server.ctx.secrets.adminToken
    agreed.held = await holdNegotiation(agreed.server, {
      startsAt: '2025-10-23T17:00:00+03:00',
      proposals: [
        [
          {
            what: 'Kävelykerho kirjastolta',
            responsible: [KUNTA],
            indicator: 'Osallistujia',
            target: '200',
            ageGroups: ['older'],
          },
          { what: 'Seurojen avoimet ovet', responsible: [KUNTA, SEURAKUNTA] },
        ],
        [{ what: 'Vertaistukiryhmä nuorille', responsible: [KUNTA], ageGroups: ['children'] }],
        [{ what: 'Hylätty ehdotus', responsible: [SEURAKUNTA] }],
      ],
      decisions: [
        'asProposed',
        {
          amended: [
            { index: 0, what: 'Vertaistukiryhmä nuorille ja perheille', responsible: [SEURAKUNTA] },
          ],
        },
        'rejected',
      ],
    })
  })
  afterAll(() => stop(agreed.server))
  return agreed
}
