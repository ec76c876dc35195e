import { expect, request, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test'
import { expectAccessible, expectSameDocument, lastPage, markDocument, PASSWORD, signIn, uniqueUser } from './support'

/**
 * Notifications (issue 15): carol outbids bob on a fresh auction; the event goes bus -> SQS ->
 * notification-service, and bob's bell, open on another page, shows it live (no reload); the
 * notifications page lists it and marks it read; the settings page saves a choice.
 */
test.describe.configure({ mode: 'serial' })

const BASE = process.env.DBAY_STACK_GATEWAY_URL ?? 'http://localhost:8000'
const FUNDS = '100'

let api: APIRequestContext
let context: BrowserContext
let bobPage: Page
let listingId = ''
let bobHeaders: Record<string, string> = {}
let carolHeaders: Record<string, string> = {}
const bobUser = uniqueUser('bob')
const carolUser = uniqueUser('carol')

async function ok<T>(what: string, res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`)
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

async function registered(user: { username: string; email: string }): Promise<Record<string, string>> {
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

async function fund(headers: Record<string, string>): Promise<void> {
  await ok('faucet', await api.post('/api/v1/wallet/dev/faucet', { headers, data: { amount: FUNDS } }))
  await expect
    .poll(async () => Number((await ok<{ available?: string }>('balance', await api.get('/api/v1/wallet/balance', { headers }))).available ?? 0), {
      timeout: 180_000,
      intervals: [2_000],
    })
    .toBeGreaterThanOrEqual(Number(FUNDS))
}

/** A published 5-minute auction starting at 10 DOGE, in a leaf category with its required specifics. */
async function auctionListing(seller: Record<string, string>): Promise<string> {
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
        title: `E2E notified auction ${Date.now().toString(36)}`,
        description: 'A stamp for the notification journey.',
        condition: 'used',
        categoryId,
        itemSpecifics,
        shippingOptions: [{ service: 'Standard', cost: '4.5' }],
        shipsTo: ['worldwide'],
        format: 'auction',
        startPrice: '10',
        durationMinutes: 5,
      },
    }),
  )
  await ok('publish', await api.post(`/api/v1/listing/listings/${created.id}/publish`, { headers: seller }))
  await expect.poll(async () => (await api.get(`/api/v1/auction/auctions/${created.id}`)).status(), { timeout: 60_000 }).toBe(200)
  return created.id
}

async function bid(headers: Record<string, string>, maxBid: string): Promise<void> {
  await ok(
    'bid',
    await api.post(`/api/v1/auction/auctions/${listingId}/bids`, {
      headers: { ...headers, 'Idempotency-Key': crypto.randomUUID() },
      data: { maxBid },
    }),
  )
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000)
  api = await request.newContext({ baseURL: BASE })
  const seller = await registered(uniqueUser('seller'))
  bobHeaders = await registered(bobUser)
  carolHeaders = await registered(carolUser)
  await Promise.all([fund(bobHeaders), fund(carolHeaders)])
  listingId = await auctionListing(seller)
  context = await browser.newContext()
  bobPage = await context.newPage()
  await bobPage.goto('/sign-in')
  await signIn(bobPage, bobUser.username)
})

test.afterAll(async () => {
  await context?.close()
  await api?.dispose()
})

test('carol outbids bob and his bell shows "outbid" live', async ({}, info) => {
  await bid(bobHeaders, '20')
  await bobPage.goto('/watchlist')
  const bell = bobPage.getByTestId('notification-bell')
  await expect(bell.getByRole('button', { name: /^Notifications/ })).toBeVisible()
  // The faucet's deposit was bob's first notification.
  await expect(bell.getByTestId('unread-count')).toHaveText('1', { timeout: 30_000 })
  await markDocument(bobPage)
  await bid(carolHeaders, '30')
  // Bus -> SQS -> notification-service -> Redis -> gateway /ws -> the bell, without a reload.
  await expect(bell.getByTestId('unread-count')).toHaveText('2', { timeout: 15_000 })
  await expect(bell.getByRole('button', { name: 'Notifications, 2 unread' })).toBeVisible()
  await bell.getByRole('button', { name: /^Notifications/ }).click()
  const item = bell.locator('[data-kind="outbid"]')
  await expect(item).toContainText('You were outbid')
  await expect(item).toContainText('21 DOGE')
  await expectSameDocument(bobPage)
  await expectAccessible(bobPage, 'notification dropdown')
  await lastPage(bobPage, info)
  // Following it marks it read and opens the auction.
  await item.click()
  await expect(bobPage).toHaveURL(new RegExp(`/auctions/${listingId}$`))
  await expect(bell.getByTestId('unread-count')).toHaveText('1')
})

test('the notifications page lists it and the settings page saves a choice', async ({}, info) => {
  await bobPage.goto('/notifications')
  const list = bobPage.getByTestId('notifications')
  await expect(list.locator('[data-kind="outbid"]')).toContainText('You were outbid')
  await expectAccessible(bobPage, 'notifications page')
  await bobPage.getByRole('link', { name: 'Settings' }).click()
  await expect(bobPage).toHaveURL(/\/settings\/notifications$/)
  const email = bobPage.getByLabel('You were outbid: Email')
  await expect(email).toBeChecked()
  await email.uncheck()
  await expect(bobPage.getByRole('status')).toHaveText('Saved.')
  await bobPage.reload()
  await expect(bobPage.getByLabel('You were outbid: Email')).not.toBeChecked()
  await expect(bobPage.getByLabel('You were outbid: In the app')).toBeChecked()
  await expect(bobPage.getByLabel('News and offers from DBay: Email')).not.toBeChecked()
  await expectAccessible(bobPage, 'notification settings')
  await lastPage(bobPage, info)
})

/** The local SES-API server of this stack (aws-ses-v2-local, part `ses`: 18005 plus the stack's offset). */
const SES = process.env.DBAY_STACK_SES_URL ?? `http://127.0.0.1:${18005 + Number(process.env.DBAY_PORT_OFFSET ?? 0)}`

test("the local mail server has bob's email about it", async ({}, info) => {
  test.setTimeout(150_000)
  const mail = await request.newContext()
  try {
    // The burst's batch window (60 s) passes before the one email goes out.
    let found: Record<string, unknown> | undefined
    await expect
      .poll(
        async () => {
          const store = await ok<{ emails: Array<Record<string, unknown>> }>('ses store', await mail.get(`${SES}/store`))
          found = store.emails.find((e) => JSON.stringify(e.destination ?? '').includes(bobUser.email))
          return found !== undefined
        },
        { timeout: 120_000, intervals: [2_000] },
      )
      .toBe(true)
    const text = JSON.stringify(found)
    expect(text).toContain('You were outbid')
    expect(text).toContain(`/auctions/${listingId}`)
    // The mail page of the SES server lists it too (what a developer looks at).
    await bobPage.goto(SES)
    await expect(bobPage.getByText('You were outbid').first()).toBeVisible()
    await lastPage(bobPage, info)
  } finally {
    await mail.dispose()
  }
})
