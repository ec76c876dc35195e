import { defineConfig } from '@playwright/test'

/**
 * The browser suite. `./dbay test` runs it against a stack it starts for itself
 * (DBAY_STACK_GATEWAY_URL); by hand against any running stack:
 *   DBAY_STACK_GATEWAY_URL=http://localhost:8000 npm run e2e
 * Browsers are never downloaded: Debian's chromium (apt-get install -y chromium) drives the tests.
 */
export default defineConfig({
  testDir: '.',
  outputDir: '../target/e2e-results',
  timeout: 240_000,
  expect: { timeout: 15_000 },
  // Two workers: journeys that wait on an auction's clock overlap with the others (the wall time of the
  // test command is bounded); every spec file uses its own fresh users, so files never share state.
  workers: 2,
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: '../target/e2e-reports/TEST-e2e.xml' }]],
  use: {
    baseURL: process.env.DBAY_STACK_GATEWAY_URL ?? 'http://localhost:8000',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
})
