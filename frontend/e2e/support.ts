import { expect, type Page, type TestInfo } from '@playwright/test'
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
