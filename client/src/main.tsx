import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { registerServiceWorker } from './app/serviceWorker'
import { messageStore } from './i18n/catalogs'
import { storedLocale, storedPlain } from './i18n/locales'
import './styles/tokens.css'
import './styles/base.css'
import './styles/ui.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// The language remembered on this device, else the first of Finnish and Swedish the browser asks
// for, else Finnish (an event's page may then follow the event's language: followEventLanguage).
// Finnish is in the page and is shown at once; another language shows when its catalog has
// arrived, or Finnish if it cannot (offline on a first visit).
// Plain language (selkokieli) is asked for first, so the first text shown is already plain.
messageStore.setPlain(storedPlain()).catch(() => undefined)
messageStore.setLocale(storedLocale()).catch(() => undefined)

// A phone that keeps the app for offline use keeps every language's texts too, so that Svenska
// or English picked in a hall whose wifi has dropped shows at once.
registerServiceWorker(() => messageStore.keepAhead())

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
