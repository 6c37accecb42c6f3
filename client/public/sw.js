// Hytepaja's service worker: lets a phone that has opened a board reload it without the
// network (bad venue wifi). The app shell is fetched from the network first and kept as a
// fallback; the built files under /assets/ carry their content hash in the name, so a kept
// copy is always right. /api and /sync are never touched: they are live or they fail.
const SHELL_CACHE = 'hytepaja-shell-v1'
const ASSET_CACHE = 'hytepaja-assets-v1'
const SHELL_URL = '/'
/** Old builds' files are dropped beyond this many (a few deploys' worth). */
const MAX_ASSETS = 300
/** After this long without an answer, a navigation is served from the kept shell. */
const NETWORK_WAIT_MS = 4000

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.add(SHELL_URL))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  const current = [SHELL_CACHE, ASSET_CACHE]
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => !current.includes(n)).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  )
})

// The page sends the files it loaded before this worker controlled it.
self.addEventListener('message', (event) => {
  const urls = event.data?.type === 'keep' && Array.isArray(event.data.urls) ? event.data.urls : []
  const assets = urls.filter((url) => isAsset(new URL(url, self.location.origin)))
  event.waitUntil(keepAssets(assets))
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate' && !isServerPath(url)) {
    event.respondWith(navigation(request))
  } else if (isAsset(url)) {
    event.respondWith(asset(request))
  }
})

function isServerPath(url) {
  return (
    url.pathname.startsWith('/api/') ||
    url.pathname.startsWith('/sync/') ||
    url.pathname === '/healthz'
  )
}

function isAsset(url) {
  return url.origin === self.location.origin && url.pathname.startsWith('/assets/')
}

async function navigation(request) {
  const cache = await caches.open(SHELL_CACHE)
  const fromNetwork = fetch(request).then(async (response) => {
    // Every client route answers with the same shell: keep the newest one.
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) {
      await cache.put(SHELL_URL, response.clone())
    }
    return response
  })
  const kept = await cache.match(SHELL_URL)
  if (!kept) return fromNetwork
  const late = new Promise((resolve) => setTimeout(() => resolve(kept), NETWORK_WAIT_MS))
  return Promise.race([fromNetwork.catch(() => kept), late])
}

async function asset(request) {
  const cache = await caches.open(ASSET_CACHE)
  const kept = await cache.match(request)
  if (kept) return kept
  const response = await fetch(request)
  if (response.ok) {
    await cache.put(request, response.clone())
    await trim(cache)
  }
  return response
}

async function keepAssets(urls) {
  const cache = await caches.open(ASSET_CACHE)
  for (const url of urls) {
    if (await cache.match(url)) continue
    try {
      await cache.add(url)
    } catch {
      // Offline or gone: the page already has it; it will be kept on the next load.
    }
  }
  await trim(cache)
}

async function trim(cache) {
  const keys = await cache.keys()
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_ASSETS))) await cache.delete(key)
}
