import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
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
 * An ADMIN_TOKEN or LINK_SECRET from the environment wins over the stored one (instances that
 * share a database but not DATA_DIR must share these).
 */
export function loadSecrets(
  dataDir: string,
  adminTokenFromEnv: string | null,
  linkSecretFromEnv: string | null = null,
): Secrets {
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
    linkSecret:
      stored.linkSecret ?? (linkSecretFromEnv ? undefined : randomBytes(32).toString('base64url')),
  }
  if (next.adminToken !== stored.adminToken || next.linkSecret !== stored.linkSecret) {
    try {
      // Created exclusively: instances sharing DATA_DIR that start at once keep one file.
      writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, {
        mode: 0o600,
        flag: existsSync(file) ? 'w' : 'wx',
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      return loadSecrets(dataDir, adminTokenFromEnv, linkSecretFromEnv)
    }
  }
  return {
    adminToken: adminTokenFromEnv ?? (next.adminToken as string),
    linkSecret: linkSecretFromEnv ?? (next.linkSecret as string),
    generatedAdminToken,
  }
}
