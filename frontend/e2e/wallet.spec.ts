import { expect, test } from '@playwright/test'
import { expectAccessible, expectSameDocument, lastPage, markDocument, OUTSIDE_ADDRESS, signIn, signUp, uniqueUser } from './support'

// One new user goes through the wallet journeys in order: funded by the faucet, then withdrawing.
test.describe.configure({ mode: 'serial' })
const user = uniqueUser('wallet')

test('sign up, see a deposit address, press the faucet and watch the deposit go pending then credited without reloading', async ({ page }, info) => {
  await page.goto('/')
  await expectAccessible(page, 'home')
  await page.goto('/sign-up')
  await expectAccessible(page, 'sign up')
  await signUp(page, user)

  const address = page.getByTestId('deposit-address')
  await expect(address).toHaveText(/^[mn][1-9A-HJ-NP-Za-km-z]{25,34}$/)
  await expect(page.getByRole('img', { name: /QR code of the deposit address/ })).toBeVisible()
  await expectAccessible(page, 'wallet (empty)')

  await markDocument(page)
  await page.getByRole('button', { name: 'Get 100 test DOGE' }).click()
  const deposit = page.getByTestId('deposits').locator('li').first()
  await expect(deposit).toHaveAttribute('data-status', 'PENDING', { timeout: 30_000 })
  await expect(deposit.getByRole('progressbar')).toBeVisible()
  await expectAccessible(page, 'wallet (pending deposit)')

  await expect(deposit).toHaveAttribute('data-status', 'CREDITED', { timeout: 180_000 })
  await expect(page.getByTestId('balance-available')).toContainText('100.00')
  await expectSameDocument(page)
  await lastPage(page, info)
})

test('a wrong address shows the field error and nothing is sent', async ({ page }, info) => {
  await page.goto('/sign-in')
  await expectAccessible(page, 'sign in')
  await signIn(page, user.username)
  await page.goto('/wallet/withdraw')
  await expect(page.getByTestId('daily-remaining')).toBeVisible()
  await expectAccessible(page, 'withdraw')

  const field = page.getByLabel('Send to address')
  // One character off: the checksum catches it as it is typed.
  await field.fill(OUTSIDE_ADDRESS.slice(0, -1) + (OUTSIDE_ADDRESS.endsWith('i') ? 'j' : 'i'))
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('[data-field-error]')).toHaveText(/checksum/)
  // A mainnet address on the dev chain is named as such.
  await field.fill('DBus3bamQjgJULBJtYXpEzDWQRwF5iwxgC')
  await expect(page.locator('[data-field-error]')).toHaveText('This is a mainnet address; this wallet runs on regtest.')
  await page.getByLabel('Amount (DOGE)').fill('10')
  await page.getByRole('button', { name: 'Review withdrawal' }).click()
  await expect(page.getByRole('alert')).toHaveText(/correct the fields/)
  await expect(page.getByRole('button', { name: 'Confirm withdrawal' })).toHaveCount(0)
  await expectAccessible(page, 'withdraw (errors)')
  await lastPage(page, info)
})

test('withdraw 10 DOGE, see the fee and total before confirming, and watch it complete', async ({ page }, info) => {
  await page.goto('/sign-in')
  await signIn(page, user.username)
  await page.goto('/wallet/withdraw')
  await page.getByLabel('Send to address').fill(OUTSIDE_ADDRESS)
  await expect(page.getByText('Valid regtest address.')).toBeVisible()
  await page.getByLabel('Amount (DOGE)').fill('10')
  await page.getByRole('button', { name: 'Review withdrawal' }).click()
  await expect(page.getByTestId('withdraw-total')).toContainText('10.10')
  await expect(page.getByText(/per kB of the transaction/)).toBeVisible()
  await expectAccessible(page, 'withdraw review')
  await page.getByRole('button', { name: 'Confirm withdrawal' }).click()

  await expect(page).toHaveURL(/\/wallet\/withdrawals\/[0-9a-f-]{36}$/)
  await expectAccessible(page, 'withdrawal timeline')
  await expect(page.getByTestId('withdrawal-status')).toHaveText('Completed', { timeout: 180_000 })
  await expect(page.getByText(/Network fee paid/)).toBeVisible()

  await page.goto('/wallet/statement')
  await expect(page.getByRole('table')).toContainText('Withdrawal requested')
  await expectAccessible(page, 'statement')
  await page.goto('/wallet/withdrawals/' + page.url().split('/').pop())
  await lastPage(page, info)
})

test('a signed-out visit to the wallet lands on sign-in and returns to the wallet after it', async ({ page }, info) => {
  await page.goto('/wallet')
  await expect(page).toHaveURL(/\/sign-in\?returnTo=(%2F|\/)wallet$/)
  await expect(page.getByText('Sign in to continue to that page.')).toBeVisible()
  await signIn(page, user.username)
  await expect(page).toHaveURL(/\/wallet$/)
  await expect(page.getByTestId('deposit-address')).toBeVisible()
  await lastPage(page, info)
})

test('the profile pages: edit my display name and location, see them on the public profile', async ({ page }, info) => {
  await page.goto('/sign-in')
  await signIn(page, user.username)
  await expect(page).toHaveURL('/')
  await page.getByRole('button', { name: new RegExp(user.username) }).click()
  await page.getByRole('link', { name: 'My profile' }).click()
  await expectAccessible(page, 'my profile')
  await page.getByLabel('Display name').fill('Wallet Walker')
  await page.getByLabel('Location').fill('Lisbon')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByText('Saved.')).toBeVisible()
  await page.getByRole('link', { name: 'View public profile' }).click()
  await expect(page.getByRole('heading', { name: 'Wallet Walker' })).toBeVisible()
  await expect(page.getByText('Lisbon')).toBeVisible()
  await expectAccessible(page, 'public profile')
  await page.goto('/no/such/page')
  await expectAccessible(page, 'not found')
  await page.goto(`/users/${user.username}`)
  await lastPage(page, info)
})

test('the shell works on a 360 px phone in the dark theme', async ({ page }, info) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto('/')
  await page.getByRole('button', { name: 'Switch to dark theme' }).click()
  await expect(page.locator('html')).toHaveClass(/dark/)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await expectAccessible(page, 'home (dark, phone)')
  await page.goto('/sign-in')
  await expectAccessible(page, 'sign in (dark, phone)')
  await lastPage(page, info)
})
