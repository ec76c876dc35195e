import { expect, request, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { expectAccessible, lastPage, PASSWORD, signIn, uniqueUser } from './support'

/**
 * Orders that end in feedback and in a dispute (issue 14, helper `disputes`). A fresh seller sells
 * two stamps by Buy It Now to a fresh buyer (orders in seconds, escrow funded by the auction close):
 * - the first is shipped, received and completed; both leave feedback on the order page and the
 *   scores on both profiles change;
 * - the second is shipped and disputed; the buyer escalates; an admin rules a 70/30 split on
 *   /admin/disputes/:id after seeing the exact DOGE of each side, and both wallet pages move by
 *   exactly that (70 to the buyer, 30 minus the 2.5 % fee = 29.25 to the seller).
 * A member who is not an admin never sees the console and is refused by the API.
 */
test.describe.configure({ mode: 'serial' })

const BASE = process.env.DBAY_STACK_GATEWAY_URL ?? 'http://localhost:8000'
const ADMIN = { username: 'admin', password: process.env.DBAY_E2E_ADMIN_PASSWORD ?? 'demo-password-1' }

let api: APIRequestContext
const contexts: BrowserContext[] = []
const sellerUser = uniqueUser('dseller')
const buyerUser = uniqueUser('dbuyer')
let seller: Record<string, string>
let buyer: Record<string, string>
let feedbackOrder = ''
let disputedOrder = ''

async function ok<T>(what: string, res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`)
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

async function login(username: string, password: string): Promise<Record<string, string>> {
  for (let attempt = 0; ; attempt++) {
    const res = await api.post('/api/v1/user/login/', { data: { username, password } })
    if (res.status() === 429 && attempt < 20) {
      await new Promise((r) => setTimeout(r, 1_000))
      continue
    }
    const { accessToken } = await ok<{ accessToken: string }>('login', res)
    return { Authorization: `Bearer ${accessToken}` }
  }
}

async function registered(user: { username: string; email: string }): Promise<Record<string, string>> {
  await ok('register', await api.post('/api/v1/user/register', { data: { email: user.email, username: user.username, password: PASSWORD } }))
  return login(user.username, PASSWORD)
}

async function available(headers: Record<string, string>): Promise<number> {
  return Number((await ok<{ available?: string }>('balance', await api.get('/api/v1/wallet/balance', { headers }))).available ?? 0)
}

/** A published auction with a 100 DOGE Buy It Now and free shipping, bought at once: the order's id. */
async function boughtNow(): Promise<string> {
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
  const form = await ok<{ specifics: Array<{ name: string; type: string; requirement: string; allowedValues?: string[] }> }>('category', await api.get(`/api/v1/listing/categories/${categoryId}`))
  const itemSpecifics: Record<string, string> = {}
  for (const s of form.specifics.filter((x) => x.requirement !== 'OPTIONAL')) {
    itemSpecifics[s.name] = s.type === 'ENUM' ? s.allowedValues![0]! : s.type === 'BOOLEAN' ? 'true' : s.type === 'NUMBER' ? '1' : 'Test'
  }
  const created = await ok<{ id: string }>(
    'create listing',
    await api.post('/api/v1/listing/listings', {
      headers: seller,
      data: {
        title: `E2E dispute stamp ${Date.now().toString(36)}`,
        description: 'A stamp for the orders journeys.',
        condition: 'used',
        categoryId,
        itemSpecifics,
        shippingOptions: [{ service: 'Standard', cost: '0' }],
        shipsTo: ['worldwide'],
        format: 'auction',
        startPrice: '10',
        buyItNowPrice: '100',
        durationMinutes: 5,
      },
    }),
  )
  await ok('publish', await api.post(`/api/v1/listing/listings/${created.id}/publish`, { headers: seller }))
  await expect.poll(async () => (await api.get(`/api/v1/auction/auctions/${created.id}`)).status(), { timeout: 60_000 }).toBe(200)
  await ok('buy it now', await api.post(`/api/v1/auction/auctions/${created.id}/buy-it-now`, { headers: { ...buyer, 'Idempotency-Key': crypto.randomUUID() } }))
  let orderId = ''
  await expect
    .poll(
      async () => {
        const list = await ok<{ items: Array<{ orderId: string; listingId: string }> }>('orders', await api.get('/api/v1/order/orders?role=buyer', { headers: buyer }))
        orderId = list.items.find((o) => o.listingId === created.id)?.orderId ?? ''
        return orderId
      },
      { timeout: 60_000 },
    )
    .not.toBe('')
  // the escrow is funded right after the order (same workflow)
  await expect.poll(async () => (await ok<{ escrow?: string }>('balance', await api.get('/api/v1/wallet/balance', { headers: buyer }))).escrow ?? '0', { timeout: 60_000 }).not.toBe('0.00000000')
  return orderId
}

/** The seller ships (the orders lifecycle's API). */
async function ship(orderId: string): Promise<void> {
  await ok('ship', await api.post(`/api/v1/order/orders/${orderId}/ship`, { headers: { ...seller, 'Idempotency-Key': crypto.randomUUID() }, data: { carrier: 'DHL', trackingNumber: `E2E${Date.now()}` } }))
}

async function openAs(browser: Browser, username: string, password = PASSWORD): Promise<Page> {
  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  await page.goto('/sign-in')
  if (password === PASSWORD) await signIn(page, username)
  else {
    await page.getByLabel('Username or email').fill(username)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 90_000 })
  }
  return page
}

async function walletAvailable(page: Page): Promise<string> {
  await page.goto('/wallet')
  return (await page.getByTestId('balance-available').innerText()).replace(/[^0-9.]/g, '')
}

test.beforeAll(async () => {
  test.setTimeout(420_000)
  api = await request.newContext({ baseURL: BASE })
  seller = await registered(sellerUser)
  buyer = await registered(buyerUser)
  await ok('faucet', await api.post('/api/v1/wallet/dev/faucet', { headers: buyer, data: { amount: '500' } }))
  await expect.poll(() => available(buyer), { timeout: 180_000, intervals: [2_000] }).toBeGreaterThanOrEqual(500)
  feedbackOrder = await boughtNow()
  disputedOrder = await boughtNow()
})

test.afterAll(async () => {
  for (const c of contexts) await c.close()
  await api?.dispose()
})

test('after a completed order both leave feedback on the order page and both profiles score it', async ({ browser }, info) => {
  await ship(feedbackOrder)
  const b = await openAs(browser, buyerUser.username)
  await b.goto(`/orders/${feedbackOrder}`)
  await b.getByRole('button', { name: 'Confirm receipt' }).click()
  await expect(b.getByTestId('leave-feedback')).toBeVisible({ timeout: 60_000 })
  await b.getByLabel('Comment').fill('Arrived quickly, as described.')
  await b.getByRole('button', { name: 'Leave feedback' }).click()
  await expect(b.getByTestId('my-feedback')).toContainText('Positive')

  const s = await openAs(browser, sellerUser.username)
  await s.goto(`/orders/${feedbackOrder}`)
  await s.getByLabel('Neutral').check()
  await s.getByLabel('Comment').fill('Paid at once.')
  await s.getByRole('button', { name: 'Leave feedback' }).click()
  await expect(s.getByTestId('my-feedback')).toContainText('Neutral')

  await s.goto(`/users/${sellerUser.username}`)
  await expect(s.getByTestId('feedback-score')).toHaveText('1')
  await expect(s.getByTestId('feedback-percent')).toHaveText('100 %')
  await expectAccessible(s, 'profile with feedback')
  await s.goto(`/users/${buyerUser.username}`)
  await expect(s.getByTestId('feedback-score')).toHaveText('0')
  await lastPage(s, info)
})

test('a disputed order is split 70/30 by an admin and both wallets move by exactly that', async ({ browser }, info) => {
  await ship(disputedOrder)
  const b = await openAs(browser, buyerUser.username)
  const s = await openAs(browser, sellerUser.username)
  const buyerBefore = Number(await walletAvailable(b))
  const sellerBefore = Number(await walletAvailable(s))

  await b.goto(`/orders/${disputedOrder}`)
  await b.getByRole('button', { name: 'Open a dispute' }).click()
  await b.getByLabel('Not as described').check()
  await b.getByLabel('Describe the problem').fill('The stamp is torn.')
  await b.getByRole('button', { name: 'Open dispute' }).click()
  await expect(b.getByTestId('dispute-state')).toContainText('awaiting seller')
  await b.getByLabel('Add a statement').fill('The corner is missing.')
  await b.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(b.getByTestId('evidence')).toContainText('The corner is missing.')
  await b.getByRole('button', { name: 'Ask DBay to decide' }).click()
  await expect(b.getByTestId('dispute-state')).toContainText('escalated')

  // the console is hidden from members and refused by the API
  await b.goto('/admin/disputes')
  await expect(b.getByRole('heading', { name: 'Disputes' })).toHaveCount(0)
  expect((await api.get('/api/v1/order/admin/disputes', { headers: buyer })).status()).toBe(403)

  const a = await openAs(browser, ADMIN.username, ADMIN.password)
  await a.goto('/admin/disputes')
  await a.getByTestId('dispute-queue').getByRole('link', { name: `${disputedOrder.slice(0, 8)}…` }).click()
  await expect(a.getByTestId('dispute-status')).toHaveText('ESCALATED', { timeout: 30_000 })
  await a.getByLabel('Split').check()
  await a.getByLabel("Buyer's share (%)").fill('101')
  await expect(a.getByTestId('ruling-preview')).toContainText('at most 2 decimals')
  await a.getByLabel("Buyer's share (%)").fill('70')
  await expect(a.getByTestId('preview-buyer')).toContainText('70.00')
  await expect(a.getByTestId('preview-seller')).toContainText('29.25')
  await expectAccessible(a, 'admin dispute')
  await a.getByLabel('Reason (shown to both parties)').fill('Torn corner: partial refund.')
  await a.getByRole('button', { name: 'Rule and move the escrow' }).click()
  await expect(a.getByTestId('ruling')).toContainText('SPLIT')

  await expect.poll(async () => Number(await walletAvailable(b)), { timeout: 30_000 }).toBeCloseTo(buyerBefore + 70, 8)
  await expect.poll(async () => Number(await walletAvailable(s)), { timeout: 30_000 }).toBeCloseTo(sellerBefore + 29.25, 8)
  await lastPage(a, info)
})
