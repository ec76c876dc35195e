import { expect, request, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { expectAccessible, expectSameDocument, funded, lastPage, markDocument, publishedListing, registered, signIn, uniqueUser } from './support'

/**
 * Two browsers on one auction (issue 13): bob and carol, each a fresh user funded by the dev faucet,
 * bid on a 3-minute auction of a fresh seller (minute durations are on in `./dbay up` stacks). The
 * journeys run in order on that one auction: a bid reaches the other page within 1 s, an outbid
 * bidder is told, a bid in the last 2 minutes extends the end on both pages, the end shows the
 * result on both, and a bid beyond the balance shows the server's message.
 */
test.describe.configure({ mode: 'serial' })

const BASE = process.env.DBAY_STACK_GATEWAY_URL ?? 'http://localhost:8000'
const FUNDS = '500'

let api: APIRequestContext
let listingId = ''
let browserContexts: BrowserContext[] = []
let bob: Page
let carol: Page
const bobUser = uniqueUser('bob')
const carolUser = uniqueUser('carol')

async function fund(headers: Record<string, string>): Promise<void> {
  await funded(api, headers, FUNDS)
}

/** A published 3-minute auction starting at 10 DOGE. */
async function auctionListing(seller: Record<string, string>): Promise<string> {
  const id = await publishedListing(api, seller, { format: 'auction', startPrice: '10', durationMinutes: 3 })
  // The auction opens from the ListingPublished event.
  await expect.poll(async () => (await api.get(`/api/v1/auction/auctions/${id}`)).status(), { timeout: 60_000 }).toBe(200)
  return id
}

async function openAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext()
  browserContexts.push(context)
  const page = await context.newPage()
  await page.goto('/sign-in')
  await signIn(page, username)
  await page.goto(`/auctions/${listingId}`)
  await expect(page.getByTestId('current-price')).toBeVisible()
  return page
}

async function bid(page: Page, amount: string): Promise<void> {
  const field = page.getByLabel('Your maximum bid (DOGE)')
  await field.fill(amount)
  await page.getByRole('button', { name: 'Review bid' }).click()
  await expect(page.getByRole('heading', { name: 'Confirm your bid' })).toBeVisible()
  const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/auction/auctions/${listingId}/bids`) && r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Confirm bid' }).click()
  await answer
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(420_000)
  api = await request.newContext({ baseURL: BASE })
  const seller = await registered(api, uniqueUser('seller'))
  const [b, c] = [await registered(api, bobUser), await registered(api, carolUser)]
  await Promise.all([fund(b), fund(c)])
  listingId = await auctionListing(seller)
  bob = await openAs(browser, bobUser.username)
  carol = await openAs(browser, carolUser.username)
})

test.afterAll(async () => {
  for (const c of browserContexts) await c.close()
  await api?.dispose()
})

test("bob bids and carol's page shows the new price without reload within 1 s", async ({}, info) => {
  await expectAccessible(carol, 'auction panel')
  await markDocument(carol)
  await bid(bob, '20')
  await expect(bob.getByTestId('bid-notice')).toContainText("you're the high bidder")
  // From bob's acknowledged bid to carol's screen: at most one second.
  await expect(carol.getByTestId('bid-count')).toHaveText('1 bid', { timeout: 1_000 })
  await expect(carol.getByTestId('current-price')).toContainText('10.00', { timeout: 1_000 })
  await expectSameDocument(carol)
  await expect(bob.getByTestId('viewer-status')).toHaveAttribute('data-state', 'leading')
  await lastPage(carol, info)
})

test('carol outbids and bob sees "outbid"', async ({}, info) => {
  await markDocument(bob)
  await bid(carol, '30')
  // bob's maximum of 20 loses to 30: the price is 20 plus one increment.
  await expect(carol.getByTestId('current-price')).toContainText('21.00')
  await expect(carol.getByTestId('viewer-status')).toHaveAttribute('data-state', 'leading')
  // A frame brings it at once; the panel's 15 s refresh is the backstop for a lost frame.
  await expect(bob.getByTestId('viewer-status')).toHaveAttribute('data-state', 'outbid', { timeout: 20_000 })
  await expect(bob.getByTestId('viewer-status')).toContainText("You've been outbid")
  await expect(bob.getByTestId('current-price')).toContainText('21.00', { timeout: 20_000 })
  await expectSameDocument(bob)
  await expectAccessible(bob, 'auction panel (outbid)')
  await lastPage(bob, info)
})

test("a bid beyond the balance shows the server's message and changes nothing", async ({}, info) => {
  await bid(bob, '5000')
  await expect(bob.getByTestId('bid-error')).toContainText(/balance/i)
  await expect(bob.getByRole('alert')).toBeVisible()
  await expect(bob.getByTestId('current-price')).toContainText('21.00')
  await expect(bob.getByTestId('bid-count')).toHaveText('2 bids')
  await lastPage(bob, info)
})

test('a bid in the last 2 minutes shows the extension on both pages', async ({}, info) => {
  test.setTimeout(420_000)
  // Wait (by the server's clock, as the panel counts) until fewer than 2 minutes are left.
  await expect
    .poll(async () => Number(await bob.getByTestId('time-left').getAttribute('data-ms-left')), { timeout: 360_000, intervals: [1_000] })
    .toBeLessThan(110_000)
  const endsBefore = await bob.getByTestId('ends-at').getAttribute('datetime')
  await bid(bob, '40')
  await expect(bob.getByTestId('viewer-status')).toHaveAttribute('data-state', 'leading')
  for (const page of [bob, carol]) {
    await expect(page.getByTestId('extension-notice').first()).toBeVisible({ timeout: 20_000 })
    await expect(page.getByTestId('ends-at')).not.toHaveAttribute('datetime', endsBefore ?? '')
    expect(Number(await page.getByTestId('time-left').getAttribute('data-ms-left'))).toBeGreaterThan(110_000)
  }
  await expect(carol.getByTestId('viewer-status')).toHaveAttribute('data-state', 'outbid', { timeout: 20_000 })
  await lastPage(carol, info)
})

test('the auction ends and both pages show the result', async ({}, info) => {
  test.setTimeout(420_000)
  // bob's 40 beats carol's 30: he wins at 31 (30 plus one increment).
  await expect(bob.getByTestId('auction-result')).toHaveText('You won this auction for 31.00 DOGE.', { timeout: 300_000 })
  await expect(carol.getByTestId('auction-result')).toContainText(/Sold to .+ for 31\.00 DOGE\./, { timeout: 30_000 })
  for (const page of [bob, carol]) {
    await expect(page.getByTestId('time-left')).toHaveText('Ended')
    await expect(page.getByLabel('Your maximum bid (DOGE)')).toHaveCount(0)
  }
  await expectAccessible(carol, 'auction panel (ended)')
  await carol.goto('/my/bids')
  await expect(carol.getByTestId('my-bids-lost').locator(`[data-listing-id="${listingId}"]`)).toBeVisible()
  await lastPage(carol, info)

  // Won is bought: AuctionCloseWorkflow made bob's order from his held funds (at 31, not his 40 maximum).
  await expect(async () => {
    await bob.goto('/orders')
    await expect(bob.getByTestId('orders-buying').locator(`[data-listing-id="${listingId}"]`)).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  const won = bob.getByTestId('orders-buying').locator(`[data-listing-id="${listingId}"]`)
  await expect(won).toContainText('31.00')
  await expect(won.getByTestId('order-status')).toHaveText(/paid/i)
  await lastPage(bob, info)
})
