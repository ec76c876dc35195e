import { expect, request, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { expectAccessible, funded, lastPage, ok, publishedListing, registered, signIn, uniqueUser } from './support'

/**
 * Orders (issue 14), as buyer and seller use them. An auction won (through its Buy It Now, so the
 * journey waits for no auction clock) becomes an order on both sides; the seller ships, the buyer
 * confirms, and the seller's wallet page shows exactly the price minus the 2.5 % fee more. Then a
 * fixed-price item is bought through the listing's Buy It Now and checkout.
 */
test.describe.configure({ mode: 'serial' })

const BASE = process.env.DBAY_STACK_GATEWAY_URL ?? 'http://localhost:8000'

let api: APIRequestContext
const contexts: BrowserContext[] = []
const buyerUser = uniqueUser('buyer')
const sellerUser = uniqueUser('seller')
let buyerHeaders: Record<string, string>
let sellerHeaders: Record<string, string>
let auctionId = ''
let orderId = ''
let buyer: Page
let seller: Page

async function openAs(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  await page.goto('/sign-in')
  await signIn(page, username)
  return page
}

/** The Available amount on the wallet page, in DOGE (as shown: "1,039.00 DOGE"). */
async function availableOnWalletPage(page: Page): Promise<number> {
  await page.goto('/wallet')
  const shown = page.getByTestId('balance-available')
  await expect(shown).toContainText('DOGE', { timeout: 30_000 })
  return Number((await shown.innerText()).replace(/[^0-9.]/g, ''))
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(420_000)
  api = await request.newContext({ baseURL: BASE })
  ;[buyerHeaders, sellerHeaders] = [await registered(api, buyerUser), await registered(api, sellerUser)]
  await funded(api, buyerHeaders, '200')
  auctionId = await publishedListing(api, sellerHeaders, { format: 'auction', startPrice: '10', buyItNowPrice: '40', durationMinutes: 5 })
  await expect.poll(async () => (await api.get(`/api/v1/auction/auctions/${auctionId}`)).status(), { timeout: 60_000 }).toBe(200)
  // The buyer wins at once with Buy It Now; AuctionCloseWorkflow makes the order and funds its escrow.
  await ok(
    'buy it now',
    await api.post(`/api/v1/auction/auctions/${auctionId}/buy-it-now`, { headers: { ...buyerHeaders, 'Idempotency-Key': crypto.randomUUID() } }),
  )
  await expect
    .poll(
      async () => {
        const page = await ok<{ items: Array<{ orderId: string; listingId: string }> }>('orders', await api.get('/api/v1/order/orders?role=buyer', { headers: buyerHeaders }))
        orderId = page.items.find((o) => o.listingId === auctionId)?.orderId ?? ''
        return orderId
      },
      { timeout: 180_000, intervals: [2_000] },
    )
    .not.toBe('')
  buyer = await openAs(browser, buyerUser.username)
  seller = await openAs(browser, sellerUser.username)
})

test.afterAll(async () => {
  for (const c of contexts) await c.close()
  await api?.dispose()
})

test('the auction won is an order for the buyer and for the seller', async ({}, info) => {
  await buyer.goto('/orders')
  const bought = buyer.getByTestId('orders-buying').locator(`[data-order-id="${orderId}"]`)
  await expect(bought).toBeVisible({ timeout: 30_000 })
  await expect(bought.getByTestId('order-status')).toHaveText('Paid, awaiting shipment')
  await expectAccessible(buyer, 'orders (buying)')

  await seller.getByRole('button', { name: sellerUser.username }).click()
  await seller.getByRole('link', { name: 'Orders' }).click()
  await seller.getByRole('tab', { name: 'Selling' }).click()
  await expect(seller.getByTestId('orders-selling').locator(`[data-order-id="${orderId}"]`)).toBeVisible({ timeout: 30_000 })
  await lastPage(seller, info)
})

test('the seller ships with carrier and tracking number', async ({}, info) => {
  await seller.getByTestId('orders-selling').locator(`[data-order-id="${orderId}"] a`).click()
  await expect(seller).toHaveURL(new RegExp(`/orders/${orderId}$`))
  await expect(seller.getByTestId('order-status')).toHaveText('Paid, awaiting shipment')
  await expectAccessible(seller, 'order (seller, paid)')
  await seller.getByLabel('Carrier').fill('DHL')
  await seller.getByLabel('Tracking number').fill('JD0146000031')
  await seller.getByRole('button', { name: 'Mark as shipped' }).click()
  await expect(seller.getByTestId('order-status')).toHaveText('Shipped')
  await expect(seller.getByTestId('tracking')).toContainText('DHL, tracking number JD0146000031')
  await expect(seller.getByRole('button', { name: 'Mark as shipped' })).toHaveCount(0)
  await lastPage(seller, info)
})

test("the buyer confirms receipt and the seller's balance rises by exactly price minus fee", async ({}, info) => {
  const before = await availableOnWalletPage(seller)
  await buyer.goto(`/orders/${orderId}`)
  await expect(buyer.getByTestId('order-status')).toHaveText('Shipped')
  await expect(buyer.getByTestId('order-timeline').locator('[data-step="shipped"]')).toHaveAttribute('data-done', 'true')
  await buyer.getByRole('button', { name: 'Confirm receipt' }).click()
  await buyer.getByRole('button', { name: 'Yes, I received it' }).click()
  await expect(buyer.getByTestId('order-status')).toHaveText('Completed')
  // 40 DOGE, less the 2.5 % platform fee (1 DOGE).
  await expect(buyer.getByTestId('payout')).toContainText('39.00 DOGE')
  await expect(buyer.getByRole('button', { name: 'Confirm receipt' })).toHaveCount(0)
  await expectAccessible(buyer, 'order (buyer, completed)')
  await lastPage(buyer, info)

  await expect.poll(() => availableOnWalletPage(seller), { timeout: 30_000 }).toBe(before + 39)
  await lastPage(seller, info)
})

test('a fixed-price item is bought through Buy It Now and checkout', async ({}, info) => {
  const listingId = await publishedListing(api, sellerHeaders, { format: 'fixed', price: '15', quantity: 2, durationDays: 7 }, '1')
  const available = await availableOnWalletPage(buyer)
  await buyer.goto(`/listings/${listingId}`)
  await buyer.getByTestId('buy-now').click()
  await expect(buyer).toHaveURL(new RegExp(`/checkout/${listingId}$`))
  await expect(buyer.getByTestId('checkout-total')).toHaveText('16.00 DOGE')
  const after = (available - 16).toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  await expect(buyer.getByTestId('balance-after')).toHaveText(`${after} DOGE`)
  await buyer.getByLabel('Full name').fill('Ada Buyer')
  await buyer.getByLabel('Street address').fill('1 Main Street')
  await buyer.getByLabel('City').fill('Springfield')
  await buyer.getByLabel('Postal code').fill('12345')
  await buyer.getByLabel('Country code').fill('US')
  await expectAccessible(buyer, 'checkout')
  await buyer.getByRole('button', { name: /Buy and pay/ }).click()
  await expect(buyer).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 30_000 })
  await expect(buyer.getByTestId('order-status')).toHaveText('Paid, awaiting shipment')
  await lastPage(buyer, info)

  expect(await availableOnWalletPage(buyer)).toBe(available - 16)
  await buyer.goto(`/listings/${listingId}`)
  await expect(buyer.getByTestId('price-block')).toContainText('1 available')
})
