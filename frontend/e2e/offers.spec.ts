import { expect, request, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { expectAccessible, funded, lastPage, ok, publishedListing, registered, signIn, uniqueUser } from './support'

/**
 * Best Offer (issue 14), as buyer and seller use it: alice lists a fixed-price item that takes
 * offers; bob offers less (the offer is held in his wallet); alice counters; bob accepts the
 * counter, and an order exists for both with bob's money moved exactly (available down, escrow up
 * by counter + shipping) and one unit fewer on the listing.
 */
test.describe.configure({ mode: 'serial' })

const BASE = process.env.DBAY_STACK_GATEWAY_URL ?? 'http://localhost:8000'

let api: APIRequestContext
const contexts: BrowserContext[] = []
const alice = uniqueUser('alice')
const bob = uniqueUser('bob')
let aliceHeaders: Record<string, string>
let bobHeaders: Record<string, string>
let listingId = ''
let offerId = ''
let seller: Page
let buyer: Page
let start: { available: bigint; held: bigint; escrow: bigint }

interface Balance {
  available: string
  held: string
  escrow: string
}

/** Koinu of a DOGE string ("34.50000000" -> 3450000000n): exact sums, never floating point. */
function koinu(doge: string): bigint {
  const [whole, frac = ''] = doge.split('.')
  return BigInt(whole!) * 100_000_000n + BigInt((frac + '00000000').slice(0, 8))
}

async function balance(headers: Record<string, string>): Promise<{ available: bigint; held: bigint; escrow: bigint }> {
  const b = await ok<Balance>('balance', await api.get('/api/v1/wallet/balance', { headers }))
  return { available: koinu(b.available), held: koinu(b.held), escrow: koinu(b.escrow) }
}

async function openAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  await page.goto('/sign-in')
  await signIn(page, username)
  return page
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(420_000)
  api = await request.newContext({ baseURL: BASE })
  ;[aliceHeaders, bobHeaders] = [await registered(api, alice), await registered(api, bob)]
  await funded(api, bobHeaders, '200')
  listingId = await publishedListing(
    api,
    aliceHeaders,
    { format: 'fixed', price: '50', quantity: 3, durationDays: 7, acceptsOffers: true, autoDeclinePrice: '10' },
    '4.5',
  )
  start = await balance(bobHeaders)
  seller = await openAs(browser, alice.username)
  buyer = await openAs(browser, bob.username)
})

test.afterAll(async () => {
  for (const c of contexts) await c.close()
  await api?.dispose()
})

test('the seller sees that the listing takes offers, with the automatic answer only she sees', async ({}, info) => {
  await seller.goto(`/listings/${listingId}`)
  await expect(seller.getByTestId('best-offer-terms')).toContainText('auto-decline below 10.00 DOGE')
  await lastPage(seller, info)
})

test('bob makes an offer; the form shows what is held and his balance after it', async ({}, info) => {
  const before = await balance(bobHeaders)
  await buyer.goto(`/listings/${listingId}`)
  await buyer.getByTestId('make-offer-button').click()
  await buyer.getByLabel('Your offer per item (DOGE)').fill('30')
  await buyer.getByLabel('Quantity').fill('1')
  await buyer.getByLabel('Message to the seller (optional)').fill('Would you take 30?')
  await buyer.getByLabel('Full name').fill('Bob Buyer')
  await buyer.getByLabel('Street address').fill('1 Main Street')
  await buyer.getByLabel('City').fill('Springfield')
  await buyer.getByLabel('Postal code').fill('12345')
  await buyer.getByLabel('Country code').fill('US')
  await expect(buyer.getByTestId('offer-total')).toHaveText('34.50 DOGE')
  await expect(buyer.getByTestId('offer-balance-after')).toHaveText('165.50 DOGE')
  await expectAccessible(buyer, 'make an offer')
  await buyer.getByTestId('send-offer').click()
  await expect(buyer.getByTestId('offer-made')).toContainText('34.50 DOGE', { timeout: 30_000 })
  await lastPage(buyer, info)

  const after = await balance(bobHeaders)
  expect(after.available).toBe(before.available - koinu('34.5'))
  expect(after.held).toBe(before.held + koinu('34.5'))
  const sent = await ok<{ items: Array<{ offerId: string; listingId: string }> }>('offers', await api.get('/api/v1/order/offers?role=buyer', { headers: bobHeaders }))
  offerId = sent.items.find((o) => o.listingId === listingId)?.offerId ?? ''
  expect(offerId).not.toBe('')
})

test('alice finds the offer under Offers and counters it', async ({}, info) => {
  await seller.getByRole('button', { name: alice.username }).click()
  await seller.getByRole('link', { name: 'Offers', exact: true }).click()
  await expect(seller).toHaveURL(/\/offers$/)
  const row = seller.getByTestId('offers-received').locator(`[data-offer-id="${offerId}"]`)
  await expect(row.getByTestId('offer-status')).toHaveText('Waiting for the seller', { timeout: 30_000 })
  await expect(row).toContainText('Would you take 30?')
  await expect(row.getByTestId('offer-expires')).toBeVisible()
  await expectAccessible(seller, 'offers received')
  await row.getByTestId('offer-counter').click()
  await row.getByTestId('counter-amount').fill('40')
  await row.getByTestId('send-counter').click()
  await expect(row.getByTestId('offer-status')).toHaveText('Countered: waiting for the buyer')
  await lastPage(seller, info)
})

test('bob accepts the counter: an order for both, his money moved exactly, one unit fewer', async ({}, info) => {
  const before = await balance(bobHeaders)
  await buyer.goto('/offers')
  await buyer.getByRole('tab', { name: 'Sent' }).click()
  const row = buyer.getByTestId('offers-sent').locator(`[data-offer-id="${offerId}"]`)
  await expect(row.getByTestId('offer-status')).toHaveText('Countered: waiting for the buyer', { timeout: 30_000 })
  await expect(row.getByTestId('offer-row-total')).toHaveText('44.50 DOGE')
  await expectAccessible(buyer, 'offers sent')
  await row.getByTestId('offer-accept').click()
  await expect(row.getByTestId('offer-status')).toHaveText('Accepted', { timeout: 30_000 })
  await row.getByTestId('offer-order').click()
  await expect(buyer).toHaveURL(/\/orders\/[0-9a-f-]{36}$/)
  await expect(buyer.getByTestId('order-status')).toHaveText('Paid, awaiting shipment')
  const orderId = buyer.url().split('/').pop()!
  await lastPage(buyer, info)

  // bob: the 34.50 hold became the counter (40) + shipping (4.5) in the order's escrow.
  const after = await balance(bobHeaders)
  expect(after.held).toBe(before.held - koinu('34.5'))
  expect(after.escrow).toBe(before.escrow + koinu('44.5'))
  expect(after.available).toBe(before.available - koinu('10'))
  expect(after.available + after.held + after.escrow).toBe(before.available + before.held + before.escrow)
  // Over the whole journey: available down and escrow up by exactly counter + shipping.
  expect(after.available).toBe(start.available - koinu('44.5'))
  expect(after.escrow).toBe(start.escrow + koinu('44.5'))
  expect(after.held).toBe(start.held)

  await seller.goto('/orders?tab=selling')
  await expect(seller.getByTestId('orders-selling').locator(`[data-order-id="${orderId}"]`)).toBeVisible({ timeout: 30_000 })
  await lastPage(seller, info)
  const listing = await ok<{ quantityAvailable: number }>('listing', await api.get(`/api/v1/listing/listings/${listingId}`))
  expect(listing.quantityAvailable).toBe(2)
})
