import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { registerServiceWorker } from './app/serviceWorker'
import { messageStore } from './i18n/catalogs'
import { firstLocale } from './i18n/firstLocale'
import { storedPlain } from './i18n/locales'
import './styles/tokens.css'
import './styles/base.css'
import './styles/ui.css'

// The language remembered on this device, else the first of Finnish and Swedish the browser asks
// for, else the event's language on an event's link, else Finnish (i18n/firstLocale.ts, with
// the link's session that boot/early.ts has asked for). Nothing draws before it,
// and the first HTML's wait in three languages shows meanwhile. Finnish is in the page and is
// shown at once; another language shows when its catalog has arrived, or Finnish if it cannot
// (offline on a first visit).
// Plain language (selkokieli) is asked for first, so the first text shown is already plain.
messageStore.setPlain(storedPlain()).catch(() => undefined)
firstLocale()
  .then((locale) => messageStore.setLocale(locale))
  .catch(() => undefined)

// A phone that keeps the app for offline use keeps every language's texts too, so that Svenska
// or English picked in a hall whose wifi has dropped shows at once.
registerServiceWorker(() => messageStore.keepAhead())

// index.html has it: React says so if it does not (~35 bytes gzip of a message of our own).
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
