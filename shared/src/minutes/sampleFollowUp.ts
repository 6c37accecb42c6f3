import type { FollowUpItemAction } from '../followUp/followUpItem.js'
import type { MinutesFollowUp } from './followUp.js'

/**
 * The sample negotiation's follow-up item: three actions two earlier meetings of its
 * municipality group agreed (invented, like the rest of the sample), as their responsible
 * organisations had reported them by the meeting's end.
 */
export function sampleFollowUp(agendaItemId: string, asOf: number, h = ''): MinutesFollowUp {
  const lastYear = {
    id: 'earlier-2025',
    title: `Hyte-neuvottelu 2025${h}`,
    startsAt: '2025-10-23T06:00:00.000Z',
  }
  const spring = {
    id: 'earlier-2026',
    title: 'Kumppanuusryhmän kevätkokous',
    startsAt: '2026-04-14T10:00:00.000Z',
  }
  const action = (
    id: string,
    event: FollowUpItemAction['event'],
    fields: Partial<FollowUpItemAction>,
  ): FollowUpItemAction => ({
    id,
    label: '§9 a',
    theme: 'Mielen hyvinvointi',
    outcome: 'asProposed',
    what: '',
    timeline: '',
    indicator: '',
    target: '',
    ageGroups: [],
    minutesState: 'locked',
    event,
    responsible: [],
    status: null,
    measured: null,
    ...fields,
  })
  return {
    agendaItemId,
    asOf,
    actions: [
      action('earlier-2026-i9-a0', spring, {
        label: '§6',
        theme: 'Osallisuus',
        what: `Nuorten vaikuttamisryhmä kuntien yhteiseksi${h}`,
        timeline: 'syksy 2026',
        indicator: 'Kokoontumiset',
        responsible: [{ name: 'Järvilaakson kunta', status: 'notStarted' }],
        status: 'notStarted',
      }),
      action('earlier-2025-sub0-a0', lastYear, {
        outcome: 'amended',
        what: `Kävelykerho kirjastolta ja kylätaloilta${h}`,
        timeline: '2026 loppuun',
        indicator: 'Kävijämäärä',
        target: '40 kävijää viikossa',
        ageGroups: ['older'],
        responsible: [
          { name: 'Kuusimäen kaupunki', status: 'inProgress' },
          { name: `Eläkeläiset Pohjantähti ry${h}`, status: 'done' },
        ],
        status: 'inProgress',
        measured: { value: '32 kävijää viikossa', on: '2026-08-31' },
      }),
      action('earlier-2025-sub1-a0', lastYear, {
        label: '§9 b',
        theme: 'Arjen turvallisuus',
        what: 'Turvallinen koulutie -kampanja',
        timeline: 'kevät 2026',
        responsible: [{ name: 'Kylätoimintayhdistys ry', status: null }],
        status: null,
      }),
    ],
  }
}
