import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { registerServiceWorker } from './app/serviceWorker'
import { messageStore } from './i18n/catalogs'
import { storedLocale } from './i18n/locales'
import './styles/tokens.css'
import './styles/base.css'
import './styles/ui.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// The language remembered on this device. Finnish is in the page and is shown at once; another
// language shows when its catalog has arrived, or Finnish if it cannot (offline on a first visit).
messageStore.setLocale(storedLocale()).catch(() => undefined)

registerServiceWorker()

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
