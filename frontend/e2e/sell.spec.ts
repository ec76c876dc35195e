import { expect, test, type Page } from '@playwright/test'
import { deflateSync } from 'node:zlib'
import { expectAccessible, lastPage, signUp, uniqueUser } from './support'

// A new seller lists a phone with item specifics and a photo drawn here (nothing downloaded), then
// finds it active with its thumbnail; a second journey is refused for a missing required specific.
test.describe.configure({ mode: 'serial' })
const seller = uniqueUser('seller')
const title = `Pixel 9 test phone ${seller.username}`

/** A real PNG (gradient, w×h, RGB) that image-processor can decode: signature, IHDR, IDAT, IEND. */
function png(w: number, h: number): Buffer {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (b: Buffer) => {
    let c = 0xffffffff
    for (const x of b) c = table[(c ^ x) & 0xff]! ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr.set([8, 2, 0, 0, 0], 8) // 8 bits, truecolour, no interlace
  const rows: number[] = []
  for (let y = 0; y < h; y++) {
    rows.push(0) // no filter
    for (let x = 0; x < w; x++) rows.push(Math.round((255 * x) / w), Math.round((255 * y) / h), 160)
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from(rows))), chunk('IEND', Buffer.alloc(0))])
}

async function chooseSmartphones(page: Page): Promise<void> {
  await page.getByLabel('Search categories').fill('smartphones')
  await page.getByRole('list', { name: 'Matching categories' }).getByRole('button', { name: /Cell Phones & Smartphones/ }).click()
  await expect(page.getByTestId('chosen-category')).toContainText('Electronics')
  await expect(page.getByTestId('chosen-category')).toContainText('Cell Phones & Smartphones')
}

async function fillAboutAndPrice(page: Page, itemTitle: string): Promise<void> {
  await page.getByLabel('Title').fill(itemTitle)
  await page.getByLabel('Condition').selectOption('used')
  await page.getByLabel('Description').fill('A well kept phone, listed by the browser journey.')
  await page.getByLabel('Start price (DOGE)').fill('25')
  await page.getByLabel('Buy It Now (DOGE, optional)').fill('90')
  await page.getByLabel('Duration').selectOption('3')
}

test('sell a phone with item specifics and a photo, publish it, see it active with its thumbnail, edit it and end it early', async ({ page }, info) => {
  // Sign-up, upload, thumbnails, publish, the listing page, edit and end: a long journey on a busy machine.
  test.slow()
  await signUp(page, seller)
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sell' }).click()
  await expect(page).toHaveURL(/\/sell$/)
  await expect(page.getByRole('heading', { name: 'Sell an item' })).toBeVisible()
  await expectAccessible(page, 'sell (empty)')

  await chooseSmartphones(page)
  const specifics = page.getByTestId('item-specifics')
  await expect(specifics.getByLabel(/^Brand/)).toHaveAttribute('required', '')
  await specifics.getByLabel(/^Brand/).fill('Google')
  await specifics.getByLabel(/^Model/).fill('Pixel 9')
  await specifics.getByLabel(/^Storage Capacity/).selectOption('128 GB')
  await fillAboutAndPrice(page, title)
  await expectAccessible(page, 'sell (filled in)')

  await page.getByRole('button', { name: 'Save draft and add photos' }).click()
  await expect(page).toHaveURL(/\/my\/listings\/[0-9a-f-]{36}\/edit\?step=photos$/, { timeout: 30_000 })
  const id = /listings\/([0-9a-f-]{36})/.exec(page.url())![1]!

  await page.getByLabel('Add photos').setInputFiles({ name: 'phone.png', mimeType: 'image/png', buffer: png(640, 480) })
  const photo = page.getByTestId('photos').locator('li').first()
  await expect(photo).toHaveAttribute('data-status', /uploading|pending|ready/)
  await expect(photo).toHaveAttribute('data-status', 'ready', { timeout: 60_000 })
  await expectAccessible(page, 'sell photos')

  await page.getByRole('button', { name: 'Continue to preview' }).click()
  const preview = page.getByTestId('preview')
  await expect(preview.getByRole('heading', { name: title })).toBeVisible()
  await expect(page.getByTestId('preview-specifics')).toContainText('Pixel 9')
  await expect(preview.getByRole('img', { name: /Photo 1 of/ })).toBeVisible()
  await expectAccessible(page, 'sell preview')
  await page.getByRole('button', { name: 'Publish listing' }).click()
  await expect(page).toHaveURL(new RegExp(`/(listings/${id}|my/listings)$`), { timeout: 30_000 })

  if (page.url().includes(`/listings/${id}`)) {
    // The listing page (another team's) shows it with its picture.
    await expect(page.getByRole('heading', { name: title })).toBeVisible()
    await expect(page.locator('img[src*="/photos/"]').first()).toBeVisible({ timeout: 30_000 })
    await expectAccessible(page, 'listing page')
  }

  await page.goto('/my/listings')
  const row = page.locator(`[data-listing-id="${id}"]`)
  await expect(row.getByTestId('status')).toHaveText('active')
  await expect(row.getByRole('link', { name: title, exact: true })).toBeVisible()
  await expect(row.getByTestId('views')).toBeVisible()
  await expect(row.getByTestId('questions-waiting')).toHaveText('0')
  const thumb = row.getByTestId('thumbnail')
  await expect(thumb).toBeVisible({ timeout: 30_000 })
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0)
  await expectAccessible(page, 'my listings')

  // Edit it while it is live without bids (the same form, its photos kept), then end it early.
  await row.getByRole('link', { name: /^Edit/ }).click()
  await expect(page.getByRole('heading', { name: 'Edit your listing' })).toBeVisible()
  await expect(page.getByLabel('Title')).toHaveValue(title)
  await expect(page.getByTestId('item-specifics').getByLabel(/^Model/)).toHaveValue('Pixel 9')
  await expectAccessible(page, 'edit listing')
  const edited = `${title} (boxed)`
  await page.getByLabel('Title').fill(edited)
  await page.getByRole('button', { name: 'Save and continue to photos' }).click()
  await expect(page).toHaveURL(/step=photos$/)
  await expect(page.getByTestId('photos').locator('li').first()).toHaveAttribute('data-status', 'ready')
  await page.getByRole('button', { name: 'Continue to preview' }).click()
  await expect(page.getByTestId('preview').getByRole('heading', { name: edited })).toBeVisible()
  await page.getByRole('link', { name: 'Done' }).click()
  const after = page.locator(`[data-listing-id="${id}"]`)
  await expect(after.getByRole('link', { name: edited, exact: true })).toBeVisible()
  await after.getByRole('button', { name: /^End early/ }).click()
  await after.getByRole('button', { name: 'Yes, end it' }).click()
  await expect(after.getByTestId('status')).toHaveText('ended')
  await expect(after.getByRole('button', { name: /^End early/ })).toHaveCount(0)
  await expectAccessible(page, 'my listings (ended)')
  await lastPage(page, info)
})

test('a missing required specific is named next to its field and nothing is listed; a server refusal lands next to its field too', async ({ page }, info) => {
  await page.goto('/sign-in')
  await page.getByLabel('Username or email').fill(seller.username)
  await page.getByLabel('Password').fill('e2e-Passphrase-42')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 90_000 })
  await page.goto('/sell')
  const refusedTitle = `Refused phone ${seller.username}`
  await chooseSmartphones(page)
  await page.getByTestId('item-specifics').getByLabel(/^Brand/).fill('Google')
  await fillAboutAndPrice(page, refusedTitle)

  await page.getByRole('button', { name: 'Save draft and add photos' }).click()
  const model = page.getByTestId('item-specifics').getByLabel(/^Model/)
  await expect(model).toHaveAttribute('aria-invalid', 'true')
  await expect(model).toBeFocused()
  await expect(page.locator('[data-specific="Model"] [data-field-error]')).toHaveText('Model is required for this category.')
  await expect(page.getByRole('alert').first()).toContainText('correct the fields')
  await expect(page).toHaveURL(/\/sell$/)
  await expectAccessible(page, 'sell (required specific missing)')

  // What only the server checks (a shipping service name over 60 characters) comes back as a 422
  // naming the field, and shows under that field.
  await model.fill('Pixel 9')
  await page.getByLabel('Service 1', { exact: true }).fill('S'.repeat(70))
  await page.getByRole('button', { name: 'Save draft and add photos' }).click()
  const service = page.getByLabel('Service 1', { exact: true })
  await expect(service).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('[data-field="shippingOptions[0].service"] [data-field-error]')).toContainText('60')
  await expect(page).toHaveURL(/\/sell$/)
  await expectAccessible(page, 'sell (server refusal)')

  await page.goto('/my/listings')
  await expect(page.getByTestId('my-listings')).toBeVisible()
  await expect(page.getByText(refusedTitle)).toHaveCount(0)
  await lastPage(page, info)
})
