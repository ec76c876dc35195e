import { expect, request, test, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test'
import { expectAccessible, expectSameDocument, lastPage, markDocument, PASSWORD, signIn, uniqueUser } from './support'

/**
 * Private messages between a buyer and a seller (issue 15): bob asks alice about her listing from
 * its page, alice (another browser) sees it arrive live, answers, and bob sees the answer live; a
 * message with a script in it shows as text and runs nothing; a blocked buyer is told so.
 * Users and the listing are made through the API; the journeys are all in the browser.
 */
test.describe.configure({ mode: 'serial', timeout: 240_000 })

const BASE = process.env.DBAY_STACK_GATEWAY_URL ?? 'http://localhost:8000'
const aliceUser = uniqueUser('alice')
const bobUser = uniqueUser('bob')
const QUESTION = 'Hi alice, is the lamp still available? Could you ship it this week?'
const ANSWER = 'Yes, still here. I can ship on Friday.'
const PAYLOAD = `<script>window.__xss = 'script'</script><img src="x" onerror="window.__xss = 'img'"> & <b>not bold</b>`

let api: APIRequestContext
let listingId = ''
let threadPath = ''
const contexts: BrowserContext[] = []
let alice: Page
let bob: Page

async function ok<T>(what: string, res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${what} answered ${res.status()}: ${await res.text()}`)
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** Registers a user and signs in through the API; answers the bearer header. */
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

/** A published fixed-price listing of the seller's, in a leaf category with its required specifics. */
async function fixedPriceListing(seller: Record<string, string>): Promise<string> {
  type Node = { id: number; name: string; leaf?: boolean; children?: Node[] }
  const tree = await ok<{ categories: Node[] }>('categories', await api.get('/api/v1/listing/categories'))
  const leaves: Node[] = []
  const walk = (nodes: Node[]) => nodes.forEach((n) => (n.children?.length ? walk(n.children) : leaves.push(n)))
  walk(tree.categories)
  const leaf = leaves.find((l) => /lamp|light/i.test(l.name)) ?? leaves[0]!
  const form = await ok<{ specifics: Array<{ name: string; type: string; requirement: string; allowedValues?: string[] }> }>(
    'category form',
    await api.get(`/api/v1/listing/categories/${leaf.id}`),
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
        title: `E2E brass lamp ${Date.now().toString(36)}`,
        description: 'A lamp the messaging journeys ask about.',
        condition: 'used',
        categoryId: leaf.id,
        itemSpecifics,
        format: 'fixed',
        price: '42.5',
        quantity: 1,
        durationDays: 30,
        shippingOptions: [{ service: 'Standard', cost: '0' }],
        shipsTo: ['worldwide'],
      },
    }),
  )
  await ok('publish', await api.post(`/api/v1/listing/listings/${created.id}/publish`, { headers: seller }))
  return created.id
}

async function openAs(browser: Browser, username: string, path: string): Promise<Page> {
  const context = await browser.newContext()
  contexts.push(context)
  const page = await context.newPage()
  // Nothing may pop up: an alert would mean a payload ran.
  page.on('dialog', (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`)
  })
  await page.goto('/sign-in')
  await signIn(page, username)
  await page.goto(path)
  return page
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel('Your message', { exact: true }).fill(text)
  const answer = page.waitForResponse((r) => /\/api\/v1\/messaging\/threads\/[^/]+\/messages$/.test(r.url()) && r.request().method() === 'POST')
  await page.getByRole('button', { name: 'Send', exact: true }).click()
  expect((await answer).status()).toBe(201)
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000)
  api = await request.newContext({ baseURL: BASE })
  const seller = await registered(aliceUser)
  await registered(bobUser)
  listingId = await fixedPriceListing(seller)
  alice = await openAs(browser, aliceUser.username, '/messages')
  await expect(alice.getByRole('heading', { name: 'Messages' })).toBeVisible()
  bob = await openAs(browser, bobUser.username, `/listings/${listingId}`)
})

test.afterAll(async () => {
  for (const c of contexts) await c.close()
  await api?.dispose()
})

test('bob asks alice privately from her listing and alice sees it arrive without a reload', async ({}, info) => {
  await markDocument(alice)
  await bob.getByRole('button', { name: 'Ask the seller privately' }).click()
  await bob.getByLabel(`Your message to ${aliceUser.username}`).fill(QUESTION)
  await bob.getByRole('button', { name: 'Send privately' }).click()
  await expect(bob).toHaveURL(/\/messages\/[0-9a-f-]{36}$/)
  threadPath = new URL(bob.url()).pathname
  await expect(bob.getByTestId('message-body')).toHaveText([QUESTION])

  // alice's open Messages page: the badge and the thread appear live.
  await expect(alice.getByTestId('messages-unread')).toHaveText('1', { timeout: 5_000 })
  const row = alice.getByTestId('threads').getByRole('link', { name: new RegExp(bobUser.username) })
  await expect(row).toBeVisible({ timeout: 5_000 })
  await expect(row.getByTestId('thread-preview')).toHaveText(QUESTION)
  await expect(row.getByTestId('thread-unread')).toContainText('1')
  await expectSameDocument(alice)
  await expectAccessible(alice, 'messages list')

  await row.click()
  await expect(alice).toHaveURL(new RegExp(`${threadPath}$`))
  await expect(alice.getByTestId('message-body')).toHaveText([QUESTION])
  // Reading it clears the badge.
  await expect(alice.getByTestId('messages-unread')).toHaveCount(0)
  await expectAccessible(alice, 'message thread')
  await lastPage(alice, info)
})

test('alice replies and bob sees the answer on his open thread without a reload', async ({}, info) => {
  await markDocument(bob)
  await send(alice, ANSWER)
  await expect(alice.getByTestId('message-body')).toHaveText([QUESTION, ANSWER])
  await expect(bob.getByTestId('message-body')).toHaveText([QUESTION, ANSWER], { timeout: 5_000 })
  await expectSameDocument(bob)
  // Seen on the open thread, so it is read: no badge for bob.
  await expect(bob.getByTestId('messages-unread')).toHaveCount(0)
  await lastPage(bob, info)
})

test('a message with a script in it shows as text and runs nothing', async ({}, info) => {
  await send(bob, PAYLOAD)
  // Live on alice's page, then again as fetched after a reload: text both times.
  await expect(alice.getByTestId('message-body').last()).toHaveText(PAYLOAD, { timeout: 5_000 })
  await alice.reload()
  await expect(alice.getByTestId('message-body').last()).toHaveText(PAYLOAD)
  for (const page of [alice, bob]) {
    await expect(page.getByTestId('message-body').last()).toHaveText(PAYLOAD)
    expect(await page.locator('[data-testid=message-body] script, [data-testid=message-body] img, [data-testid=message-body] b').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined()
  }
  await lastPage(alice, info)
})

test('alice blocks bob: his next message is refused with a reason, and goes through once she unblocks', async ({}, info) => {
  await alice.getByTestId('block-button').click()
  await expect(alice.getByTestId('block-button')).toHaveText(`Unblock ${bobUser.username}`)
  await expect(alice.getByTestId('blocked-note')).toBeVisible()

  await bob.getByLabel('Your message', { exact: true }).fill('Hello?')
  await bob.getByRole('button', { name: 'Send', exact: true }).click()
  await expect(bob.getByTestId('send-error')).toHaveText(`${aliceUser.username} does not accept messages from you.`)
  await expect(bob.getByTestId('message-body')).toHaveCount(3)
  await lastPage(bob, info)

  await alice.getByTestId('block-button').click()
  await expect(alice.getByTestId('block-button')).toHaveText(`Block ${bobUser.username}`)
  await send(bob, 'Hello again')
  await expect(alice.getByTestId('message-body').last()).toHaveText('Hello again', { timeout: 5_000 })
})
