import { expect, type APIRequestContext, type APIResponse, type Page, type TestInfo } from '@playwright/test'
import AxeBuilder from '@axe-core/playwright'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Helpers every journey shares; later features add theirs here. */

export const PASSWORD = 'e2e-Passphrase-42'
/** A regtest address that is not any DBay user's (the dev chain's miner in the wallet tests). */
export const OUTSIDE_ADDRESS = 'mnHioPj6vMDGiSUKsXWdX9GEPHoeapF8oi'

export const SCREENSHOTS = fileURLToPath(new URL('../target/e2e-screenshots/', import.meta.url))

export function uniqueUser(prefix = 'e2e'): { username: string; email: string } {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`
  return { username: `${prefix}-${id}`, email: `${prefix}-${id}@e2e.dbay` }
}

export async function signUp(page: Page, user: { username: string; email: string }): Promise<void> {
  await page.goto('/sign-up')
  await page.getByLabel('Email').fill(user.email)
  await page.getByLabel('Username').fill(user.username)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  // The first requests to a freshly started stack (cold JVMs, bcrypt) can take a while on a busy machine.
  await expect(page).toHaveURL(/\/wallet$/, { timeout: 90_000 })
}

export async function signIn(page: Page, username: string): Promise<void> {
  await page.getByLabel('Username or email').fill(username)
  await page.getByLabel('Password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  // Signed in once the app has moved on from the sign-in page.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 90_000 })
}

/** axe-core finds no serious or critical violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  const summary = bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(summary, `axe on ${what}`).toEqual([])
}

/** The journey's last page, kept under target/e2e-screenshots/ for people to look at. */
export async function lastPage(page: Page, info: TestInfo): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const name = info.title.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true })
}

/** Marks the document so a test can prove that something happened without a reload. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __e2eMark: boolean }).__e2eMark = true))
}
export async function expectSameDocument(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __e2eMark?: boolean }).__e2eMark === true), 'the page was not reloaded').toBe(true)
}

// ---------------------------------------------------------------------------------------------
// Setting up a journey through the API (users, funds, listings): shared by the auction and order
// journeys, so that only the steps a journey is about go through the browser.

/** The answer's JSON body, or an error naming the step and the server's answer. */
export async function ok<T>(what: string, res: APIResponse): Promise<T> {
  if (!res.ok()) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`)
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** Registers a user and signs in through the API; answers the bearer header. */
export async function registered(api: APIRequestContext, user: { username: string; email: string }): Promise<Record<string, string>> {
  await ok('register', await api.post('/api/v1/user/register', { data: { email: user.email, username: user.username, password: PASSWORD } }))
  for (let attempt = 0; ; attempt++) {
    const res = await api.post('/api/v1/user/login/', { data: { username: user.username, password: PASSWORD } })
    if (res.status() === 429 && attempt < 20) {
      await new Promise((r) => setTimeout(r, 1_000))
      continue
    }
    const { accessToken } = await ok<{ accessToken: string }>('login', res)
    return { Authorization: `Bearer ${accessToken}` }
  }
}

/** Gives the user `amount` DOGE from the dev faucet and waits until it is available. */
export async function funded(api: APIRequestContext, headers: Record<string, string>, amount: string): Promise<void> {
  const before = Number((await ok<{ available?: string }>('balance', await api.get('/api/v1/wallet/balance', { headers }))).available ?? 0)
  await ok('faucet', await api.post('/api/v1/wallet/dev/faucet', { headers, data: { amount } }))
  await expect
    .poll(async () => Number((await ok<{ available?: string }>('balance', await api.get('/api/v1/wallet/balance', { headers }))).available ?? 0), {
      timeout: 180_000,
      intervals: [2_000],
    })
    .toBeGreaterThanOrEqual(before + Number(amount))
}

/**
 * A published listing of the seller in the Stamps category (its required specifics filled in),
 * shipped "Standard" for `shipping` DOGE; `terms` are the format's fields (format, startPrice,
 * price, quantity, durationMinutes, ...). Answers its id.
 */
export async function publishedListing(api: APIRequestContext, seller: Record<string, string>, terms: Record<string, unknown>, shipping = '4.5'): Promise<string> {
  const tree = await ok<{ categories: unknown[] }>('categories', await api.get('/api/v1/listing/categories'))
  const find = (nodes: unknown[], name: string): number | null => {
    for (const n of nodes as Array<{ id: number; name: string; children?: unknown[] }>) {
      if (n.name === name) return n.id
      const inner = find(n.children ?? [], name)
      if (inner !== null) return inner
    }
    return null
  }
  const categoryId = find(tree.categories, 'Stamps')
  if (categoryId === null) throw new Error('no Stamps category')
  const form = await ok<{ specifics: Array<{ name: string; type: string; requirement: string; allowedValues?: string[] }> }>(
    'category form',
    await api.get(`/api/v1/listing/categories/${categoryId}`),
  )
  const itemSpecifics: Record<string, string> = {}
  for (const s of form.specifics.filter((x) => x.requirement !== 'OPTIONAL')) {
    itemSpecifics[s.name] = s.type === 'ENUM' ? s.allowedValues![0]! : s.type === 'BOOLEAN' ? 'true' : s.type === 'NUMBER' ? '1' : 'Test'
  }
  const created = await ok<{ id: string }>(
    'create listing',
    await api.post('/api/v1/listing/listings', {
      headers: seller,
      data: {
        title: `E2E ${String(terms.format)} ${Date.now().toString(36)}`,
        description: 'A stamp listed by the browser journeys.',
        condition: 'used',
        categoryId,
        itemSpecifics,
        shippingOptions: [{ service: 'Standard', cost: shipping }],
        shipsTo: ['worldwide'],
        ...terms,
      },
    }),
  )
  await ok('publish', await api.post(`/api/v1/listing/listings/${created.id}/publish`, { headers: seller }))
  return created.id
}
