import { startEarly } from '../api/early'
import { readLinkToken } from '../features/session/linkToken'

/**
 * The first HTML loads this beside the app (see `build/shellHtml.ts`): a few hundred bytes that
 * arrive long before React does. An event link's first request is always the session of its
 * token (who am I, which event), so it starts here and its answer waits for the app.
 */
const token = readLinkToken()
if (token && window.location.pathname.startsWith('/e/')) startEarly('/api/session', token)
