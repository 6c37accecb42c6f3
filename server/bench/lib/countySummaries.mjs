// The store of the summaries benchmarks: a county's three years of negotiations, 6 municipality
// groups × 3 years × 3 events × 9 agreed actions (486 actions, one to three responsible parties
// each, most of them reported on), written through the store's own writers into a built
// server of its own on a temporary data directory.
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import pino from 'pino'

const { parseConfig } = await import('../../dist/config.js')
const { startServer } = await import('../../dist/server.js')
const { insertEvent, setMinutesState } = await import('../../dist/store/events.js')
const { writeDecidedAction, writeParties } = await import('../../dist/store/decidedActions.js')
const { insertReport } = await import('../../dist/store/followUp.js')
const { insertMunicipalityGroup, writeMembers } = await import(
  '../../dist/store/municipalityGroups.js'
)
const { organisationForName } = await import('../../dist/commands/register.js')

export const GROUPS = 6
export const YEARS = [2023, 2024, 2025]
export const EVENTS_PER_YEAR = 3
export const ACTIONS_PER_EVENT = 9
const THEMES = ['Mielen hyvinvointi', 'Arjen turvallisuus', 'Liikunnallinen elämäntapa']
const STATUSES = ['notStarted', 'inProgress', 'done', 'dropped']
const AGE_GROUPS = ['children', 'workingAge', 'older']

/** A started server holding the county's store; `close()` stops it and removes its data. */
export async function startCountyServer() {
  const dataDir = mkdtempSync(join(os.tmpdir(), 'hytepaja-bench-summaries-'))
  const server = await startServer(
    parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CLIENT_DIR: '',
      SEED_DEMO: '0',
    }),
    { retention: { intervalMs: 0 } },
    pino({ level: 'silent' }),
  )
  const { db } = server.ctx
  const key = server.ctx.secrets.adminToken

  // The store as three years of real use leave it (through the store's own writers).
  const seedStarted = performance.now()
  let actions = 0
  await db.transaction(async (tx) => {
    const now = Date.now()
    for (let g = 0; g < GROUPS; g++) {
      const municipalities = []
      for (let m = 0; m < 4; m++) {
        const org = await organisationForName(tx, `Kunta ${g + 1}-${m + 1}`, 'municipalityGroup', {
          kind: 'municipality',
        })
        municipalities.push(org)
      }
      const partners = [
        ...municipalities,
        await organisationForName(tx, `Kuntaryhmän ${g + 1} seurakunta`, 'action'),
        await organisationForName(tx, `Liikuntaseura ${g + 1} ry`, 'action'),
        await organisationForName(tx, 'Hyvinvointialueen hyte-yksikkö', 'action'),
      ]
      const groupId = `bench-group-${g}`
      await insertMunicipalityGroup(tx, {
        id: groupId,
        name: `Kuntaryhmä ${g + 1}`,
        created_at: now,
        updated_at: now,
      })
      await writeMembers(
        tx,
        groupId,
        municipalities.map((m) => m.id),
      )
      for (const year of YEARS) {
        for (let e = 0; e < EVENTS_PER_YEAR; e++) {
          const eventId = `bench-${g}-${year}-${e}`
          const startsAt = `${year}-${String(3 + e * 4).padStart(2, '0')}-1${g}T09:00:00+02:00`
          await insertEvent(tx, {
            id: eventId,
            join_code: `B${g}${year}${e}`,
            title: `Hyte-neuvottelu ${year}, kuntaryhmä ${g + 1} (${e + 1})`,
            starts_at: startsAt,
            created_at: now,
            municipality_group_id: groupId,
          })
          await setMinutesState(tx, eventId, { state: e === 2 ? 'draft' : 'locked', version: 1 })
          for (let a = 0; a < ACTIONS_PER_EVENT; a++) {
            const id = `${eventId}-item${a % 3}-act${a}`
            const theme = THEMES[a % 3]
            await writeDecidedAction(tx, {
              id,
              event_id: eventId,
              item_id: `item${a % 3}`,
              action_id: `act${a}`,
              position: Math.floor(a / 3),
              label: `§9 ${'abc'[a % 3]}`,
              theme,
              group_id: null,
              outcome: a % 4 === 0 ? 'amended' : 'asProposed',
              revision: 1,
              what: `${theme}: toimenpide ${a + 1} — matalan kynnyksen kohtaamispaikka, jossa ${'kunta, järjestöt ja seurakunta '.repeat(1 + (a % 3))}toimivat yhdessä; "lainausmerkit", puolipisteet; ja ä ö å`,
              timeline: `${year + 1} loppuun`,
              indicator: 'Osallistujamäärä ja kokemus osallisuudesta (kysely)',
              target: `${100 + a * 10} osallistujaa`,
              age_groups: JSON.stringify([AGE_GROUPS[a % 3]]),
              decided_at: Date.parse(startsAt),
              minutes_state: e === 2 ? 'draft' : 'locked',
              minutes_version: 1,
              active: 1,
              indexed_at: now,
            })
            const parties = partners.filter((_, i) => (i + a) % 3 === 0).slice(0, 1 + (a % 3))
            await writeParties(
              tx,
              id,
              parties.map((org, position) => ({
                action_id: id,
                position,
                name: org.name,
                organisation_id: org.id,
                mapped_by: 'auto',
              })),
            )
            for (const [p, org] of parties.entries()) {
              if ((a + p) % 4 === 3) continue
              await insertReport(tx, {
                id: `${id}-r${p}`,
                action_id: id,
                organisation_id: org.id,
                status: STATUSES[(a + p) % 4],
                report: 'Käynnistetty syksyllä; kävijöitä enemmän kuin odotettiin.',
                measured_value: `${80 + a * 7} osallistujaa`,
                measured_on: `${year + 1}-01-15`,
                reporter_name: 'Raportoija',
                reporter_organisation: org.name,
                via: 'link',
                created_at: Date.parse(startsAt) + 86_400_000 * 90,
              })
            }
            actions++
          }
        }
      }
    }
  })
  const seedMs = performance.now() - seedStarted

  const close = async () => {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  return { server, key, actions, seedMs, close }
}
