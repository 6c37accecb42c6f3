import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Secrets {
  /** The organisers' console key (ADMIN_TOKEN). */
  adminToken: string
  /** Derives role links from their nonces; never leaves the server. */
  linkSecret: string
  /** True when the admin token was generated on this start (print it once). */
  generatedAdminToken: boolean
}

interface SecretsFile {
  adminToken?: string
  linkSecret?: string
}

/**
 * Reads `DATA_DIR/secrets.json`, generating what is missing on first start (mode 0600).
 * An ADMIN_TOKEN from the environment wins over the generated one.
 */
export function loadSecrets(dataDir: string, adminTokenFromEnv: string | null): Secrets {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'secrets.json')
  let stored: SecretsFile = {}
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as SecretsFile
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const generatedAdminToken = !adminTokenFromEnv && !stored.adminToken
  const next: SecretsFile = {
    adminToken:
      stored.adminToken ?? (adminTokenFromEnv ? undefined : randomBytes(24).toString('base64url')),
    linkSecret: stored.linkSecret ?? randomBytes(32).toString('base64url'),
  }
  if (next.adminToken !== stored.adminToken || next.linkSecret !== stored.linkSecret) {
    writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 })
  }
  return {
    adminToken: adminTokenFromEnv ?? (next.adminToken as string),
    linkSecret: next.linkSecret as string,
    generatedAdminToken,
  }
}
