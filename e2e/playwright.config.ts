import { defineConfig, devices } from '@playwright/test'

// Debian's Chromium by default; CHROMIUM_PATH points elsewhere (or set it empty to use
// Playwright's own downloaded browser on machines that have one).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const launchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: ['--disable-gpu', '--disable-quic', '--disable-sync'],
}

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Two cores: every worker runs its own server process and several browser contexts.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions,
    trace: 'retain-on-failure',
    locale: 'fi-FI',
  },
})
