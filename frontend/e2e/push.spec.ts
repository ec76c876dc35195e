import { createDecipheriv, createECDH, createHmac, createVerify, randomBytes, createPublicKey } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, request, test, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test'
import { expectAccessible, lastPage, ok, registered, signIn, uniqueUser } from './support'

/**
 * Browser push opt-in (issue 15). What this journey proves, and what it cannot:
 *
 * - In the browser: with the notifications permission granted (Playwright grants it; no prompt in
 *   headless Chromium), the settings page's "Turn on push" registers DBay's service worker and asks
 *   the browser's push manager to subscribe with the VAPID key the server serves. Headless Chromium
 *   refuses every push subscription ("AbortError: Registration failed - permission denied", even with
 *   the notifications permission granted and the push permission set through DevTools: tried), and a
 *   real one would need Google's push service, which this machine cannot reach. So the page must say
 *   the browser refused, stay "off" and send the server nothing; that is what is asserted.
 * - The server side of a real subscription: the journey registers one the way the SPA would
 *   (endpoint + p256dh + auth), but pointing at a local push receiver run by this spec (browser keys
 *   made here with Node's crypto). bob ticks "Browser push" for deposits on the settings page, the
 *   faucet credits him, and the event goes bus -> SQS -> notification-service -> Web Push -> the
 *   receiver, which verifies the VAPID signature and decrypts the message (RFC 8291) with the
 *   subscription's private key: the plaintext is asserted.
 * - The service worker in the real browser: the decrypted message is delivered to DBay's service
 *   worker through the DevTools protocol (ServiceWorker.deliverPushMessage: what the browser does after
 *   it has decrypted a push), and the notification it shows is read back with
 *   registration.getNotifications(): title, body and link.
 *
 * Not proven here: the hop through a real push service and the browser's own decryption (covered by
 * the receiver's decryption against the same RFC), and clicking the OS notification (the click handler
 * is unit-tested in src/lib/pushWorker.test.ts).
 */
test.describe.configure({ mode: 'serial' })

const BASE = process.env.DBAY_STACK_GATEWAY_URL ?? 'http://localhost:8000'

let api: APIRequestContext
let context: BrowserContext
let page: Page
let headers: Record<string, string> = {}
const bob = uniqueUser('pushbob')

// ------------------------------------------------------------------------ the local push receiver

const b64u = (b: Buffer): string => b.toString('base64url')
const ecdh = createECDH('prime256v1')
ecdh.generateKeys()
const authSecret = randomBytes(16)
const received: Array<{ plaintext: string; vapidKey: string; aud: string }> = []
const refused: string[] = []
let receiver: Server
let receiverOrigin = ''

function hmac(key: Buffer, data: Buffer): Buffer {
  return createHmac('sha256', key).update(data).digest()
}

/** RFC 8291 / RFC 8188 aes128gcm, one record. */
function decrypt(body: Buffer): string {
  const salt = body.subarray(0, 16)
  const idlen = body[20]!
  const senderPublic = body.subarray(21, 21 + idlen)
  const ciphertext = body.subarray(21 + idlen)
  const shared = ecdh.computeSecret(senderPublic)
  const prkKey = hmac(authSecret, shared)
  const ikm = hmac(prkKey, Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), senderPublic, Buffer.from([1])]))
  const prk = hmac(salt, ikm)
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01', 'binary')).subarray(0, 16)
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01', 'binary')).subarray(0, 12)
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce)
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16))
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()])
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (padded[end] !== 2) throw new Error('no last-record delimiter')
  return padded.subarray(0, end).toString('utf8')
}

/** RFC 8292: "vapid t=<ES256 JWT>, k=<key>", the JWT verified with k, for the receiver's origin. */
function verifyVapid(authorization: string): { vapidKey: string; aud: string } {
  const m = /^vapid t=([^,\s]+),\s*k=([^,\s]+)$/.exec(authorization)
  if (!m) throw new Error(`Authorization is ${authorization}`)
  const [head, claims, signature] = m[1]!.split('.')
  const raw = Buffer.from(m[2]!, 'base64url')
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33, 65)) }, format: 'jwk' })
  const ok = createVerify('SHA256').update(`${head}.${claims}`).verify({ key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature!, 'base64url'))
  if (!ok) throw new Error('VAPID signature does not verify')
  const aud = JSON.parse(Buffer.from(claims!, 'base64url').toString()).aud as string
  if (aud !== receiverOrigin) throw new Error(`aud ${aud}`)
  return { vapidKey: m[2]!, aud }
}

test.beforeAll(async ({ browser }) => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      try {
        if (req.headers['content-encoding'] !== 'aes128gcm') throw new Error(`Content-Encoding ${req.headers['content-encoding']}`)
        const vapid = verifyVapid(String(req.headers.authorization ?? ''))
        received.push({ plaintext: decrypt(Buffer.concat(chunks)), ...vapid })
        res.writeHead(201).end()
      } catch (e) {
        refused.push(String(e))
        res.writeHead(400).end()
      }
    })
  })
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r))
  receiverOrigin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`

  api = await request.newContext({ baseURL: BASE })
  headers = await registered(api, bob)
  context = await browser.newContext()
  await context.grantPermissions(['notifications'], { origin: new URL(BASE).origin })
  page = await context.newPage()
  await page.goto('/sign-in')
  await signIn(page, bob.username)
})

test.afterAll(async () => {
  await context?.close()
  await api?.dispose()
  await new Promise((r) => receiver?.close(r))
})

test('the settings page offers push; this offline Chromium cannot subscribe, and the page says so', async ({}, info) => {
  await page.goto('/settings/notifications')
  const optIn = page.getByTestId('push-opt-in')
  await expect(optIn).toHaveAttribute('data-state', 'off')
  expect(await page.evaluate(() => Notification.permission)).toBe('granted')
  await optIn.getByRole('button', { name: 'Turn on push in this browser' }).click()
  // The service worker is registered either way...
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/push-sw.js'))?.active?.scriptURL ?? '')).toMatch(/\/push-sw\.js$/)
  // ...but the push service cannot be reached from here: the browser refuses, the page tells why.
  await expect(optIn.getByRole('alert')).toContainText('The browser refused', { timeout: 60_000 })
  await expect(optIn).toHaveAttribute('data-state', 'off')
  const saved = await ok<{ items: unknown[] }>('subscriptions', await api.get('/api/v1/notification/push/subscriptions', { headers }))
  expect(saved.items).toEqual([])
  await expectAccessible(page, 'notification settings with push')
  await lastPage(page, info)
})

test('a subscription at a local receiver gets the deposit as an encrypted, VAPID-signed push', async () => {
  const publicKey = (await ok<{ publicKey: string }>('vapid key', await api.get('/api/v1/notification/push/public-key', { headers }))).publicKey
  expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65)
  // Refused as the API refuses bad input: problem+json, nothing stored.
  const bad = await api.post('/api/v1/notification/push/subscriptions', { headers, data: { endpoint: 'ftp://nowhere', keys: { p256dh: 'x', auth: 'y' } } })
  expect(bad.status()).toBe(400)
  expect(bad.headers()['content-type']).toContain('application/problem+json')
  const endpoint = `${receiverOrigin}/push/bob`
  await ok('subscribe', await api.post('/api/v1/notification/push/subscriptions', { headers, data: { endpoint, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(authSecret) } } }))

  // bob asks for deposits by push on the settings page (off by default).
  await page.goto('/settings/notifications')
  const deposits = page.getByLabel('A deposit was credited: Browser push')
  await expect(deposits).not.toBeChecked()
  await deposits.check()
  await expect(page.getByRole('status')).toHaveText('Saved.')

  await ok('faucet', await api.post('/api/v1/wallet/dev/faucet', { headers, data: { amount: '5' } }))
  await expect.poll(() => received.length, { timeout: 180_000, intervals: [1_000] }).toBeGreaterThanOrEqual(1)
  expect(refused).toEqual([])
  const push = received[0]!
  expect(push.vapidKey).toBe(publicKey)
  expect(push.aud).toBe(receiverOrigin)
  const message = JSON.parse(push.plaintext) as { title: string; body: string; link: string; kind: string }
  expect(message).toEqual({ title: 'Deposit credited', body: '5 DOGE are now in your wallet.', link: '/wallet', kind: 'deposit_credited' })
})

test("DBay's service worker shows the decrypted push with its title, body and link", async () => {
  const plaintext = received[0]!.plaintext
  const cdp = await context.newCDPSession(page)
  const registrationId = new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: Array<{ registrationId: string; scopeURL: string }> }) => {
      const r = e.registrations.find((x) => x.scopeURL.startsWith(new URL(BASE).origin))
      if (r) resolve(r.registrationId)
    })
  })
  await cdp.send('ServiceWorker.enable')
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: new URL(BASE).origin, registrationId: await registrationId, data: plaintext })
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration('/push-sw.js')
        return (await reg!.getNotifications()).map((n) => ({ title: n.title, body: n.body, link: (n.data as { link: string }).link }))
      }),
    )
    .toEqual([{ title: 'Deposit credited', body: '5 DOGE are now in your wallet.', link: '/wallet' }])
})
