/**
 * Registering waits this long after the page has loaded: installing fetches the shell and
 * every file the page used, which on a slow wifi would compete with the board's own first sync
 * (a 2,000-note board rendered ~250 ms later when it registered at once).
 */
const REGISTER_AFTER_MS = 5000

/**
 * Registers the service worker that keeps the app shell and the built files on the device, so
 * a board opened once reloads without the network. Once it runs, `fetchForOffline` fetches what
 * the page may want later without the network (the other languages' texts); then the files this
 * page loaded before the worker took over are handed to it. Development (Vite's dev server)
 * goes without.
 */
export function registerServiceWorker(fetchForOffline: () => Promise<void>): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () =>
    setTimeout(() => register(fetchForOffline), REGISTER_AFTER_MS),
  )
}

function register(fetchForOffline: () => Promise<void>): void {
  navigator.serviceWorker
    .register('/sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(async (registration) => {
      // Fetched before the list is made, so that they are kept whether or not the worker
      // controls this page yet (once it does, it keeps every file it fetches itself).
      await fetchForOffline()
      const urls = performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => new URL(name).pathname.startsWith('/assets/'))
      registration.active?.postMessage({ type: 'keep', urls })
    })
    .catch(() => {
      // Without it the app works as before; only an offline reload is not possible.
    })
}
