/**
 * DOGE amounts as the API carries them: decimal strings with up to 8 places. Inside the app they
 * are bigint koinu (1 DOGE = 100,000,000 koinu); never a JavaScript number, which would lose
 * koinu above 2^53 and round 0.1 + 0.2.
 */
export const KOINU_PER_DOGE = 100_000_000n
const DECIMAL = /^(\d+)(?:\.(\d{1,8}))?$/

/** Koinu of a decimal DOGE string ("12.5" → 1250000000n); null when it is not one. */
export function parseDoge(text: string): bigint | null {
  const m = DECIMAL.exec(text.trim())
  if (!m) return null
  const whole = BigInt(m[1]!)
  const frac = BigInt((m[2] ?? '').padEnd(8, '0'))
  return whole * KOINU_PER_DOGE + frac
}

/** Why a typed amount is not acceptable, or null. */
export function amountProblem(text: string): string | null {
  const t = text.trim()
  if (t === '') return 'Enter an amount.'
  if (/^\d+\.\d{9,}$/.test(t)) return 'At most 8 decimal places (1 koinu = 0.00000001 DOGE).'
  const k = parseDoge(t)
  if (k === null) return 'Enter a number such as 10 or 12.5.'
  if (k <= 0n) return 'The amount must be more than zero.'
  return null
}

/** The API's form: "12.50000000". */
export function toDecimalString(koinu: bigint): string {
  const neg = koinu < 0n
  const abs = neg ? -koinu : koinu
  const whole = abs / KOINU_PER_DOGE
  const frac = (abs % KOINU_PER_DOGE).toString().padStart(8, '0')
  return `${neg ? '-' : ''}${whole}.${frac}`
}

/**
 * For people: thousands separated, trailing zeros dropped down to two places
 * ("10000.50000000" → "10,000.50"); every koinu that is there is still shown.
 */
export function formatDoge(amount: string | bigint, opts: { sign?: boolean } = {}): string {
  const koinu = typeof amount === 'bigint' ? amount : parseSigned(amount)
  if (koinu === null) return String(amount)
  const neg = koinu < 0n
  const abs = neg ? -koinu : koinu
  const whole = (abs / KOINU_PER_DOGE).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  let frac = (abs % KOINU_PER_DOGE).toString().padStart(8, '0').replace(/0+$/, '')
  if (frac.length < 2) frac = frac.padEnd(2, '0')
  const sign = neg ? '−' : opts.sign && koinu > 0n ? '+' : ''
  return `${sign}${whole}.${frac}`
}

/** Like parseDoge, also accepting a leading minus (statement lines). */
export function parseSigned(text: string): bigint | null {
  const t = text.trim()
  if (t.startsWith('-')) {
    const k = parseDoge(t.slice(1))
    return k === null ? null : -k
  }
  return parseDoge(t)
}

/** The shortest exact decimal: "100.00000000" → "100", "12.50000000" → "12.5" (for URLs and filters). */
export function compactDoge(text: string): string {
  const k = parseDoge(text)
  if (k === null) return text
  const frac = (k % KOINU_PER_DOGE).toString().padStart(8, '0').replace(/0+$/, '')
  return `${k / KOINU_PER_DOGE}${frac ? `.${frac}` : ''}`
}
