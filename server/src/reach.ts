import type { Config } from './config.js'

/**
 * What the start tells the operator about who can open the links: a phone on the venue wifi
 * cannot open `localhost`, which is what the links said before the LAN address was used.
 */
export function describeReach(config: Pick<Config, 'publicUrl' | 'publicUrlFrom' | 'port'>): {
  text: string
  warning: string | null
} {
  switch (config.publicUrlFrom) {
    case 'PUBLIC_URL':
      return { text: '', warning: null }
    case 'lan':
      return {
        text: `  Links use this machine's network address (${config.publicUrl}): phones on the same network can open them.\n  Behind a proxy or with a domain name, set PUBLIC_URL, e.g. PUBLIC_URL=https://hytepaja.example.fi\n\n`,
        warning: null,
      }
    case 'localhost':
      return {
        text: `  Links point at localhost: only this machine can open them. For phones, set PUBLIC_URL=http://<this machine's address>:${config.port}\n\n`,
        warning: 'links point at localhost: set PUBLIC_URL so that phones can open them',
      }
  }
}
