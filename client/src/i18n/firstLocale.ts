import type {} from '../api/early'
import { deviceStore, type KeyValueStore } from '../device/storage'
import {
  deviceLanguages,
  eventLocaleToFollow,
  followsEvents,
  type Locale,
  storedLocale,
} from './locales'

/**
 * The language of a page's first render: `storedLocale`, at once, except on a device that
 * follows its events' language (`followsEvents`: an English phone nobody has picked a language
 * on) opening an event's link (`session`: the server's answer about its token). There it is the
 * event's language once the server has named it, so a Swedish meeting's form is never drawn in
 * Finnish first; the first HTML's wait in three languages shows meanwhile (the page cannot draw
 * its form before this answer anyway). An answer that fails names no language: `storedLocale`.
 * A phone set to Finnish or Swedish, or one whose person picked a language, never waits here.
 */
export function firstLocale(
  // What boot/early.ts asked for, if it has run (it arrives first: a few hundred bytes, loaded
  // `async`): an event link's session, its only request. Read from the page, not imported: an
  // import from the early chunk would be named again in every route chunk's preload list.
  session: Promise<Response> | null | undefined = window.hytepajaEarly?.[0]?.response,
  store: KeyValueStore = deviceStore(),
  languages: readonly string[] = deviceLanguages(),
): Promise<Locale> {
  const start = storedLocale(store, languages)
  return session && followsEvents(store, languages)
    ? session
        // An error's body names no event: the language it starts in otherwise.
        .then((response) => response.clone().json())
        .then(
          (answer) => eventLocaleToFollow(answer?.event?.language, store, languages) ?? start,
          () => start,
        )
    : Promise.resolve(start)
}
