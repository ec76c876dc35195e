import { expect, test, type APIRequestContext } from '@playwright/test'
import { deflateSync } from 'node:zlib'
import { expectAccessible, lastPage, PASSWORD, signIn, signUp, uniqueUser } from './support'

/*
 * Finding and viewing an item, end to end: a seller lists an item with a photo (through the API,
 * as the Sell pages would), a buyer who saved a search for it before it was published finds it by
 * a misspelled word from the home page's search box, sees the suggestion list offer it, opens its
 * page with the photo's thumbnail, and sees the saved search count it as new.
 */
// Generous: on a busy machine sign-up alone (cold JVMs, bcrypt) has taken over three minutes.
test.describe.configure({ mode: 'serial', timeout: 480_000 })

const buyer = uniqueUser('buyer')
const seller = uniqueUser('seller')
// A made-up word no other listing has, in letters only so the analyzers treat it as one word.
const WORD = Array.from({ length: 10 }, (_, i) => 'bcdfghjklmnprstvz'[Math.floor(Math.random() * 17)] + (i % 2 ? '' : 'aeiou'[Math.floor(Math.random() * 5)]))
  .join('')
  .slice(0, 11)
const TITLE = `Brass ${WORD[0]!.toUpperCase()}${WORD.slice(1)} desk lamp`
// One letter changed in the middle: a typo the search forgives.
const MISSPELLED = WORD.slice(0, 5) + (WORD[5] === 'x' ? 'y' : 'x') + WORD.slice(6)
let listingId = ''
let categoryName = ''
let sellerToken = ''

/** A real PNG (a colour gradient), made here: nothing is downloaded. */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8)
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
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB
  const raw = Buffer.alloc((width * 3 + 1) * height)
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1)
    for (let x = 0; x < width; x++) raw.set([(x * 255) / width, (y * 255) / height, 160], row + 1 + x * 3)
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

async function json<T>(what: string, res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  expect(res.ok(), `${what} answered ${res.status()}: ${await res.text()}`).toBe(true)
  return (await res.json()) as T
}

interface Specific {
  name: string
  type: string
  requirement: string
  allowedValues?: string[]
}
interface Node {
  id: number
  name: string
  leaf: boolean
  children?: Node[]
}

test('a seller lists an item with a photo through the API (a draft until the buyer has saved a search)', async ({ request }) => {
  await json('register', await request.post('/api/v1/user/register', { data: { ...seller, password: PASSWORD } }))
  const tokens = await json<{ accessToken: string }>('login', await request.post('/api/v1/user/login', { data: { username: seller.username, password: PASSWORD } }))
  sellerToken = tokens.accessToken
  const auth = { Authorization: `Bearer ${sellerToken}` }

  // A leaf category, and its item-specifics form filled in.
  const tree = await json<{ categories: Node[] }>('categories', await request.get('/api/v1/listing/categories'))
  const leaves: Node[] = []
  const walk = (nodes: Node[]) => nodes.forEach((n) => (n.leaf ? leaves.push(n) : walk(n.children ?? [])))
  walk(tree.categories)
  const leaf = leaves.find((l) => /lamp|light/i.test(l.name)) ?? leaves[0]!
  categoryName = leaf.name
  const form = await json<{ specifics: Specific[] }>('category', await request.get(`/api/v1/listing/categories/${leaf.id}`))
  const itemSpecifics: Record<string, string> = {}
  for (const s of form.specifics.filter((s) => s.requirement !== 'OPTIONAL')) {
    itemSpecifics[s.name] = s.type === 'ENUM' ? s.allowedValues![0]! : s.type === 'BOOLEAN' ? 'true' : s.type === 'NUMBER' ? '3' : 'Brassworks'
  }

  const draft = await json<{ id: string }>(
    'create',
    await request.post('/api/v1/listing/listings', {
      headers: auth,
      data: {
        title: TITLE,
        description: `A solid brass desk lamp.\nWorks; new cable fitted. (${WORD})`,
        condition: 'used',
        categoryId: leaf.id,
        itemSpecifics,
        format: 'fixed',
        price: '42.5',
        quantity: 2,
        durationDays: 30,
        shippingOptions: [
          { service: 'Standard', cost: '0' },
          { service: 'Express', cost: '7.25' },
        ],
        shipsTo: ['europe', 'DE'],
      },
    }),
  )
  listingId = draft.id

  // The photo goes straight to the store through the presigned URL, with exactly the headers given.
  const photo = png(640, 480)
  const slot = await json<{ uploadUrl: string; headers: Record<string, string> }>(
    'photo slot',
    await request.post(`/api/v1/listing/listings/${listingId}/photos`, { headers: auth, data: { contentType: 'image/png', size: photo.length } }),
  )
  const headers = Object.fromEntries(Object.entries(slot.headers ?? {}).filter(([k]) => k.toLowerCase() !== 'content-length'))
  const put = await request.put(slot.uploadUrl, { headers, data: photo })
  expect(put.ok(), `upload answered ${put.status()}: ${await put.text()}`).toBe(true)
})

test('a buyer saves a search for the item before it is published', async ({ page }, info) => {
  await page.goto('/')
  await signUp(page, buyer)
  await page.goto(`/search?q=${WORD}`)
  await expect(page.getByText(`No listings match “${WORD}”`)).toBeVisible()
  await expectAccessible(page, 'search results (empty)')
  await page.getByRole('button', { name: 'Save this search' }).click()
  await expect(page.getByText('Search saved.')).toBeVisible()
  await page.goto('/saved-searches')
  const saved = page.locator(`[data-saved-search="“${WORD}”"]`)
  await expect(saved).toContainText('Nothing new since you looked')
  await expectAccessible(page, 'saved searches')
  await lastPage(page, info)
})

test('published, the listing page shows the photo once its thumbnails are made', async ({ page, request }, info) => {
  await json('publish', await request.post(`/api/v1/listing/listings/${listingId}/publish`, { headers: { Authorization: `Bearer ${sellerToken}` } }))
  await page.goto(`/listings/${listingId}`)
  await expect(page.getByTestId('listing-title')).toHaveText(TITLE)
  const photo = page.getByTestId('main-photo')
  // image-processor runs on the upload notification; the page looks again until the sizes are there.
  await expect(photo).toBeVisible({ timeout: 90_000 })
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0)
  await expect(photo).toHaveAttribute('src', /\/api\/v1\/listing\/photos\/.+\.jpg$/)
  await expect(page.getByTestId('price-block')).toContainText('42.50')
  await expect(page.getByTestId('price-block')).toContainText('2 available')
  await expect(page.getByTestId('seller-card')).toContainText(seller.username)
  await expect(page.getByRole('table', { name: /Shipping options/ })).toContainText('Free')
  await expect(page.getByText('Ships to: Europe, Germany')).toBeVisible()
  await expect(page.getByRole('link', { name: categoryName })).toBeVisible()
  await expectAccessible(page, 'listing page (signed out)')

  // The zoom shows the largest size.
  await photo.click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await page.getByRole('button', { name: 'Close' }).click()
  await lastPage(page, info)
})

test('the buyer finds it from the home page by a misspelled word, with the facet counts right, and the suggestions offer it', async ({ page }, info) => {
  await page.goto('/sign-in')
  await signIn(page, buyer.username)
  await page.goto('/')
  await expect(page.getByTestId('category-tiles').getByRole('link').first()).toBeVisible()
  await expectAccessible(page, 'home')
  const box = page.locator('#home-search')

  // A misspelled word finds it; the facets count exactly this one listing.
  await box.fill(MISSPELLED)
  await box.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${MISSPELLED}$`))
  const result = page.getByTestId('listing-card').filter({ hasText: TITLE })
  // Indexing follows publishing within seconds; results are cached for a second at most.
  await expect(async () => {
    await page.reload()
    await expect(result).toBeVisible({ timeout: 10_000 })
  }).toPass({ timeout: 60_000 })
  await expect(page.getByTestId('result-count')).toHaveText('1 result')
  const facets = page.getByTestId('facets')
  await expect(facets.locator('li', { hasText: categoryName }).last()).toContainText(`${categoryName} (1)`)
  await expect(facets.getByText('Used (1)')).toBeVisible()
  await expect(facets.getByText('Fixed price (1)')).toBeVisible()
  await expect(facets.getByText('Auction (0)')).toBeVisible()
  await expectAccessible(page, 'search results')

  // A filter goes into the URL; back returns to the unfiltered results.
  await facets.getByRole('radio', { name: /Auction/ }).check()
  await expect(page).toHaveURL(/format=auction/)
  await expect(page.getByText(`No listings match “${MISSPELLED}”`)).toBeVisible()
  await page.goBack()
  await expect(result).toBeVisible()

  // Open it and watch it.
  await result.getByRole('link').click()
  await expect(page).toHaveURL(new RegExp(`/listings/${listingId}$`))
  await expect(page.getByTestId('watchers')).toHaveText('0 people are watching')
  await page.getByTestId('watch-button').click()
  await expect(page.getByTestId('watchers')).toHaveText('1 person is watching')
  await expect(page.getByTestId('watch-button')).toHaveAttribute('aria-pressed', 'true')
  await expectAccessible(page, 'listing page (signed in)')
  // On the home page again, the suggestion list offers it as its name is typed. (Suggestions are
  // cached for half a minute per prefix: each try types a longer one.)
  await page.goto('/')
  const home = page.locator('#home-search')
  let typed = 5
  await expect(async () => {
    await home.fill('')
    await home.pressSequentially(`brass ${WORD.slice(0, typed++)}`, { delay: 20 })
    await expect(page.getByRole('option', { name: TITLE })).toBeVisible({ timeout: 10_000 })
  }).toPass({ timeout: 60_000 })
  await home.press('ArrowDown')
  await expect(home).toHaveAttribute('aria-activedescendant', /home-search-option-\d+/)
  await expectAccessible(page, 'home with suggestions')

  await page.goto('/watchlist')
  await expect(page.getByTestId('watchlist')).toContainText(TITLE)
  await expectAccessible(page, 'watchlist')
  await lastPage(page, info)
})

test('the saved search made before publishing shows the listing as new', async ({ page }, info) => {
  await page.goto('/sign-in')
  await signIn(page, buyer.username)
  const saved = page.locator(`[data-saved-search="“${WORD}”"]`)
  await expect(async () => {
    await page.goto('/saved-searches')
    await expect(saved.getByTestId('new-count')).toHaveText('1 new since you looked', { timeout: 10_000 })
  }).toPass({ timeout: 60_000 })
  await saved.getByRole('button', { name: /Show matches/ }).click()
  await expect(saved.getByRole('link', { name: TITLE })).toBeVisible()
  await expect(saved.getByText('New', { exact: true })).toBeVisible()
  await expectAccessible(page, 'saved searches with a new match')

  // Running it counts as looking: nothing is new afterwards.
  await saved.getByRole('button', { name: /Run search/ }).click()
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${WORD}$`))
  await expect(page.getByTestId('listing-card').filter({ hasText: TITLE })).toBeVisible()
  await page.goto('/saved-searches')
  await expect(saved).toContainText('Nothing new since you looked')
  await lastPage(page, info)
})
