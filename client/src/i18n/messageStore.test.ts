import { describe, expect, it } from 'vitest'
import type { Locale } from './locales'
import { type Area, createMessageStore, type Messages } from './messageStore'

/** A loader whose files arrive when the test says so (or fail, like a phone losing the wifi). */
function network(available: (key: string) => boolean = () => true) {
  const waiting = new Map<string, { resolve(m: Messages): void; reject(e: Error): void }>()
  const requested: string[] = []
  const load = (locale: Locale, area: Area) => {
    const key = `${locale}/${area}`
    requested.push(key)
    return new Promise<Messages>((resolve, reject) => waiting.set(key, { resolve, reject }))
  }
  const arrive = async (key: string) => {
    const file = waiting.get(key)
    if (!file) throw new Error(`${key} was not requested`)
    waiting.delete(key)
    const [, area] = key.split('/')
    if (available(key)) file.resolve({ [`${area}.x`]: key })
    else file.reject(new Error('offline'))
    await new Promise((r) => setTimeout(r, 0))
  }
  return { load, arrive, requested, waiting }
}

/** The store as the app makes it: the Finnish core is in the page. */
const storeOn = (net: ReturnType<typeof network>) =>
  createMessageStore(net.load, { fi: { core: { 'core.x': 'fi/core' } } })

const said = (store: ReturnType<typeof createMessageStore>, area: Area) =>
  (store.current()?.messages as Record<string, string> | undefined)?.[`${area}.x`]

describe('message store', () => {
  it('shows Finnish at once, since its core is in the page', () => {
    const store = storeOn(network())
    store.setLocale('fi')
    expect(store.current()?.locale).toBe('fi')
    expect(said(store, 'core')).toBe('fi/core')
  })

  it('shows nothing in another language until its core arrives', async () => {
    const net = network()
    const store = storeOn(net)
    const done = store.setLocale('sv')
    expect(store.current()).toBeNull()
    await net.arrive('sv/core')
    await done
    expect(store.current()?.locale).toBe('sv')
  })

  it('falls back to Finnish when the first language cannot load', async () => {
    const net = network(() => false)
    const store = storeOn(net)
    const done = expect(store.setLocale('en')).rejects.toThrow('offline')
    await net.arrive('en/core')
    await done
    expect(store.current()?.locale).toBe('fi')
  })

  it('adds a route’s area to what is shown before the route renders', async () => {
    const net = network()
    const store = storeOn(net)
    store.setLocale('fi')
    const included = store.include(['organiser'])
    expect(said(store, 'organiser')).toBeUndefined()
    await net.arrive('fi/organiser')
    await included
    expect(said(store, 'organiser')).toBe('fi/organiser')
    expect(said(store, 'core')).toBe('fi/core')
  })

  it('switches language with every area in use, and only then', async () => {
    const net = network()
    const store = storeOn(net)
    store.setLocale('fi')
    const included = store.include(['agenda'])
    await net.arrive('fi/agenda')
    await included
    const switched = store.setLocale('sv')
    await net.arrive('sv/core')
    expect(store.current()?.locale).toBe('fi')
    await net.arrive('sv/agenda')
    await switched
    expect(store.current()?.locale).toBe('sv')
    expect(said(store, 'agenda')).toBe('sv/agenda')
  })

  it('waits for an area that a route brings in while the language is on its way', async () => {
    const net = network()
    const store = storeOn(net)
    store.setLocale('fi')
    const switched = store.setLocale('en')
    const included = store.include(['proposal'])
    await net.arrive('fi/proposal')
    await included
    expect(said(store, 'proposal')).toBe('fi/proposal')
    await net.arrive('en/core')
    expect(store.current()?.locale).toBe('fi')
    await net.arrive('en/proposal')
    await switched
    expect(store.current()?.locale).toBe('en')
    expect(said(store, 'proposal')).toBe('en/proposal')
  })

  it('stays in the shown language when another cannot load, and tries again later', async () => {
    let online = false
    const net = network(() => online)
    const store = storeOn(net)
    store.setLocale('fi')
    const failed = expect(store.setLocale('sv')).rejects.toThrow('offline')
    await net.arrive('sv/core')
    await failed
    expect(store.current()?.locale).toBe('fi')
    online = true
    const retried = store.setLocale('sv')
    await net.arrive('sv/core')
    await retried
    expect(store.current()?.locale).toBe('sv')
  })

  it('shows the language asked for offline when the network is back', async () => {
    let online = false
    const net = network(() => online)
    const store = storeOn(net)
    store.setLocale('fi')
    const failed = expect(store.setLocale('sv')).rejects.toThrow('offline')
    await net.arrive('sv/core')
    await failed
    expect(store.current()?.locale).toBe('fi')
    online = true
    const retried = store.retry()
    await net.arrive('sv/core')
    await retried
    expect(store.current()?.locale).toBe('sv')
    expect(said(store, 'core')).toBe('sv/core')
  })

  it('shows the remembered language once the network is back after an offline first visit', async () => {
    let online = false
    const net = network(() => online)
    const store = storeOn(net)
    const failed = expect(store.setLocale('en')).rejects.toThrow('offline')
    await net.arrive('en/core')
    await failed
    expect(store.current()?.locale).toBe('fi')
    online = true
    const retried = store.retry()
    await net.arrive('en/core')
    await retried
    expect(store.current()?.locale).toBe('en')
  })

  it('fetches again the areas in use that did not arrive, and shows them', async () => {
    let online = false
    const net = network((key) => online || key !== 'fi/errors')
    const store = storeOn(net)
    store.setLocale('fi')
    const failed = expect(store.include(['errors'])).rejects.toThrow('offline')
    await net.arrive('fi/errors')
    await failed
    expect(said(store, 'errors')).toBeUndefined()
    online = true
    const retried = store.retry()
    await net.arrive('fi/errors')
    await retried
    expect(said(store, 'errors')).toBe('fi/errors')
    expect(store.current()?.locale).toBe('fi')
  })

  it('asks for nothing when retried with everything here', async () => {
    const net = network()
    const store = storeOn(net)
    store.setLocale('fi')
    await store.retry()
    expect(net.requested).toEqual([])
  })

  it('lets the last choice win when languages are picked quickly', async () => {
    const net = network()
    const store = storeOn(net)
    store.setLocale('fi')
    const first = store.setLocale('sv')
    const second = store.setLocale('en')
    await net.arrive('en/core')
    await second
    await net.arrive('sv/core')
    await first
    expect(store.current()?.locale).toBe('en')
  })

  it('loads each file once and tells listeners only about real changes', async () => {
    const net = network()
    const store = storeOn(net)
    let told = 0
    store.subscribe(() => told++)
    store.setLocale('fi')
    const a = store.include(['organiser'])
    const b = store.include(['organiser'])
    await net.arrive('fi/organiser')
    await Promise.all([a, b])
    await store.include(['organiser'])
    expect(net.requested.filter((k) => k === 'fi/organiser')).toHaveLength(1)
    expect(told).toBe(2)
  })

  describe('keeping the other languages ahead', () => {
    /** Lets every file requested so far arrive (or fail), including ones requested meanwhile. */
    const settle = async (net: ReturnType<typeof network>) => {
      while (net.waiting.size > 0) await net.arrive([...net.waiting.keys()][0] as string)
    }

    it('shows a language picked without the network at once, with every area in use', async () => {
      let online = true
      const net = network(() => online)
      const store = storeOn(net)
      store.setLocale('fi')
      const board = store.include(['board'])
      await net.arrive('fi/board')
      await board
      const ahead = store.keepAhead()
      await settle(net)
      await ahead
      expect([...net.requested].sort()).toEqual(
        ['en/board', 'en/core', 'fi/board', 'sv/board', 'sv/core'].sort(),
      )
      online = false
      await store.setLocale('sv')
      expect(store.current()?.locale).toBe('sv')
      expect(said(store, 'board')).toBe('sv/board')
      expect(net.waiting.size).toBe(0)
    })

    it('fetches the other languages of an area that comes into use later', async () => {
      const net = network()
      const store = storeOn(net)
      store.setLocale('fi')
      const ahead = store.keepAhead()
      await settle(net)
      await ahead
      const proposal = store.include(['proposal'])
      await settle(net)
      await proposal
      expect(net.requested.filter((key) => key.endsWith('/proposal')).sort()).toEqual([
        'en/proposal',
        'fi/proposal',
        'sv/proposal',
      ])
    })

    it('tries again what did not arrive when the network is back', async () => {
      let online = false
      const net = network(() => online)
      const store = storeOn(net)
      store.setLocale('fi')
      const ahead = store.keepAhead()
      await settle(net)
      await ahead
      online = true
      const retried = store.retry()
      await settle(net)
      await retried
      online = false
      await store.setLocale('en')
      expect(store.current()?.locale).toBe('en')
    })

    it('keeps the plain catalogs too, so plain language turns on without the network', async () => {
      let online = true
      const plainRequested: Locale[] = []
      const store = createMessageStore(
        (locale, area) =>
          online
            ? Promise.resolve({ [`${area}.x`]: `${locale}/${area}` })
            : Promise.reject(new Error('offline')),
        { fi: { core: { 'core.x': 'fi/core' } } },
        (locale) => {
          plainRequested.push(locale)
          if (locale === 'en') return null
          return online
            ? Promise.resolve({ 'core.x': `${locale}/plain` })
            : Promise.reject(new Error('offline'))
        },
      )
      await store.setLocale('fi')
      await store.keepAhead()
      expect(plainRequested.sort()).toEqual(['en', 'fi', 'sv'])
      online = false
      await store.setLocale('sv')
      await store.setPlain(true)
      expect(store.current()?.plain).toBe(true)
      expect(said(store, 'core')).toBe('sv/plain')
    })

    it('fetches only the shown language until asked to keep the others', async () => {
      const net = network()
      const store = storeOn(net)
      store.setLocale('fi')
      const board = store.include(['board'])
      await settle(net)
      await board
      expect(net.requested).toEqual(['fi/board'])
    })
  })

  describe('plain language', () => {
    const standard = { 'join.title': 'Liity työpajaan', 'join.submit': 'Liity ryhmään' }
    const plainFi = { 'join.title': 'Tule mukaan' }
    const plainStore = (plain: Partial<Record<Locale, Messages>>) => {
      const requested: string[] = []
      const store = createMessageStore(
        (locale, area) =>
          Promise.resolve(
            locale === 'sv'
              ? { 'join.title': 'Gå med i workshoppen', 'join.submit': 'Gå med i gruppen' }
              : { [`${area}.x`]: `${locale}/${area}` },
          ),
        { fi: { core: standard } },
        (locale) => {
          requested.push(locale)
          const messages = plain[locale]
          return messages ? Promise.resolve(messages) : null
        },
      )
      return { store, requested }
    }
    const text = (store: ReturnType<typeof createMessageStore>, id: string) =>
      (store.current()?.messages as Record<string, string> | undefined)?.[id]

    it('shows the plain message where one is written and the standard one elsewhere', async () => {
      const { store } = plainStore({ fi: plainFi })
      await store.setPlain(true)
      await store.setLocale('fi')
      expect(store.current()?.plain).toBe(true)
      expect(store.current()?.locale).toBe('fi')
      expect(text(store, 'join.title')).toBe('Tule mukaan')
      expect(text(store, 'join.submit')).toBe('Liity ryhmään')
    })

    it('turns off back to the standard messages', async () => {
      const { store } = plainStore({ fi: plainFi })
      await store.setLocale('fi')
      await store.setPlain(true)
      expect(text(store, 'join.title')).toBe('Tule mukaan')
      await store.setPlain(false)
      expect(store.current()?.plain).toBe(false)
      expect(text(store, 'join.title')).toBe('Liity työpajaan')
    })

    it('follows a change of language: Swedish lättläst where written, standard English', async () => {
      const { store } = plainStore({ fi: plainFi, sv: { 'join.submit': 'Var med' } })
      await store.setLocale('fi')
      await store.setPlain(true)
      await store.setLocale('sv')
      expect(text(store, 'join.submit')).toBe('Var med')
      expect(text(store, 'join.title')).toBe('Gå med i workshoppen')
      await store.setLocale('en')
      expect(store.current()?.plain).toBe(false)
      expect(text(store, 'core.x')).toBe('en/core')
      // Back in Finnish, plain language is still chosen.
      await store.setLocale('fi')
      expect(text(store, 'join.title')).toBe('Tule mukaan')
    })

    it('keeps the standard messages when the plain catalog cannot load', async () => {
      const store = createMessageStore(
        () => Promise.reject(new Error('offline')),
        { fi: { core: standard } },
        () => Promise.reject(new Error('offline')),
      )
      await store.setPlain(true)
      await store.setLocale('fi')
      expect(store.current()?.plain).toBe(false)
      expect(text(store, 'join.title')).toBe('Liity työpajaan')
    })

    it('loads the plain catalog only when plain language is chosen, and once', async () => {
      const { store, requested } = plainStore({ fi: plainFi })
      await store.setLocale('fi')
      expect(requested).toEqual([])
      await store.setPlain(true)
      await store.setPlain(false)
      await store.setPlain(true)
      expect(requested).toEqual(['fi'])
    })
  })
})
