// A workshop board of 2,000 notes for the browser benchmarks: seeded through a raw
// y-websocket frame, as a facilitator's client would send it, and a probe that records when
// the first note appears.
import * as clusters from '@hytepaja/shared/domain/clusters'
import * as ideas from '@hytepaja/shared/domain/ideas'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { api } from './server.mjs'

export const NOTES = 2000

const WORDS =
  'kävelyreitit valaistaan senioreille tuolijumppaa kirjastossa nuorten harrastusseteli koulujen välituntiliikunta yksinäisyyden ehkäisy kylätalolla vertaistuki omaishoitajille turvallinen koulumatka liikuntapaikat kuntoon kerhotoimintaa iltapäiviin mielenterveyden ensiapu työpaikoille järjestöjen yhteistyö kunnan kanssa'.split(
    ' ',
  )
const NAMES = Array.from({ length: 30 }, (_, i) => `Osallistuja ${i + 1}`)

/** 2,000 notes in 20 columns, two rows left free at the top for the notes added while measuring. */
function seedUpdates(groupId) {
  const doc = new Y.Doc()
  const updates = []
  doc.on('update', (update) => updates.push(update))
  const facilitator = {
    id: `facilitator:${groupId}`,
    name: 'Fasilitaattori',
    role: 'facilitator',
    groupId,
  }
  const clusterIds = Array.from({ length: 6 }, (_, i) =>
    clusters.add(
      doc,
      { name: `Teema ${i + 1}`, x: 20 * 248 + 200, y: 100 + i * 800, width: 480, height: 360 },
      facilitator,
    ),
  )
  let n = 0
  while (n < NOTES) {
    doc.transact(() => {
      for (let k = 0; k < 250 && n < NOTES; k++, n++) {
        const words = Array.from(
          { length: 3 + (n % 17) },
          (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length],
        )
        const author = NAMES[n % NAMES.length]
        ideas.add(
          doc,
          {
            text: `${words.join(' ')} (${n + 1})`,
            x: 24 + (n % 20) * 248,
            y: 24 + (2 + Math.floor(n / 20)) * 208,
            color: ['yellow', 'green', 'blue', 'pink', 'orange', 'purple'][n % 6],
            clusterId: n % 5 === 0 ? clusterIds[n % 6] : null,
            ageGroups: n % 4 === 0 ? ['older'] : [],
            tags: n % 9 === 0 ? ['liikunta'] : [],
            lang: 'fi',
          },
          { id: `p-${n % NAMES.length}`, name: author, role: 'facilitator', groupId },
          Date.now() - (NOTES - n) * 1000,
        )
      }
    })
  }
  return updates.map((update) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // messageSync
    encoding.writeVarUint(encoder, 2) // messageYjsUpdate
    encoding.writeVarUint8Array(encoder, update)
    return Array.from(encoding.toUint8Array(encoder))
  })
}

/** Sends the seed through a raw y-websocket connection from a page, as the facilitator. */
async function seed(browser, server, event, groupId) {
  const frames = seedUpdates(groupId)
  const page = await browser.newPage()
  // A page of the app, whose Content-Security-Policy lets it open sockets to its own server
  // (/healthz answers with default-src 'none', which blocks them).
  await page.goto(`${server.url}/`)
  const doc = encodeURIComponent(`board:${event.id}:${groupId}`)
  const socketUrl = `${server.url.replace('http', 'ws')}/sync/${doc}?token=${event.tokens.facilitators[groupId]}`
  await page.evaluate(
    ({ socketUrl, frames }) =>
      new Promise((ok, fail) => {
        const socket = new WebSocket(socketUrl)
        socket.binaryType = 'arraybuffer'
        socket.onerror = () => fail(new Error('socket error'))
        socket.onopen = () => {
          for (const frame of frames) socket.send(new Uint8Array(frame))
          setTimeout(() => {
            socket.close()
            ok()
          }, 1500)
        }
      }),
    { socketUrl, frames },
  )
  await page.close()
  const token = event.tokens.facilitators[groupId]
  for (let i = 0; i < 100; i++) {
    const overview = await api(server, `/api/events/${event.id}/overview`, token)
    const group = overview.groups.find((g) => g.id === groupId)
    if (group?.ideas === NOTES) return
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('the seed did not arrive')
}

/**
 * Records when the first note appears, from the very start of the page, and when the board is
 * live: its sync line says all is saved (the socket has synced; `data-sync="saved"`).
 */
export const FIRST_NOTE_PROBE = () => {
  const check = () => {
    if (!window.__live && document.querySelector('[data-sync="saved"]'))
      window.__live = performance.now()
    if (!window.__shell && document.querySelector('.page--board h1'))
      window.__shell = performance.now()
    if (window.__firstNote) return
    const note = document.querySelector('[data-idea-id]')
    if (note) {
      window.__firstNote = performance.now()
      window.__rendered = document.querySelectorAll('[data-idea-id]').length
    }
  }
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['data-sync'],
  })
}

/**
 * A new event whose first group's board holds the 2,000 notes; `join(name)` seats a participant
 * there and `boardUrl(token)` is the board's link with that token.
 */
export async function seededBoard(browser, server) {
  const event = await api(server, '/api/events', server.adminToken, {
    title: 'Suorituskykytesti',
    municipalities: ['Järvilaakso'],
    startsAt: new Date().toISOString(),
  })
  const group = event.groups[0]
  await seed(browser, server, event, group.id)
  return {
    join: (name) =>
      api(server, `/api/events/${event.id}/participants`, event.tokens.join, {
        displayName: name,
        groupId: group.id,
      }),
    boardUrl: (token) => `${server.url}/e/${event.id}/g/${group.id}#${token}`,
  }
}
