import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

/**
 * The API client's types are generated from committed snapshots of the services' OpenAPI documents
 * (src/api/openapi/, `npm run api:generate`). A service that changes its API without a new snapshot
 * leaves the app compiling against the old shapes; this check, against the stack the suite runs on,
 * catches that: each snapshot must equal the document the gateway serves now.
 */
const dir = fileURLToPath(new URL('../src/api/openapi/', import.meta.url))
const services = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))

test('every committed OpenAPI snapshot is the document its service serves now', async ({ request }) => {
  expect(services.length).toBeGreaterThan(0)
  for (const service of services) {
    const res = await request.get(`/api/docs/${service}`)
    expect(res.status(), `/api/docs/${service}`).toBe(200)
    const live = await res.json()
    delete live.servers // the snapshot leaves out the machine it was fetched from, as api:generate does
    const snapshot = JSON.parse(readFileSync(`${dir}${service}.json`, 'utf8'))
    expect.soft(live, `src/api/openapi/${service}.json is stale: run \`npm run api:generate\` with a stack up (./dbay up) and commit it`).toEqual(snapshot)
  }
})
