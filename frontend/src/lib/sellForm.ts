import type { ItemSpecific, ListingForm, ListingView } from '@/api/types'
import { specificsProblems, specificsToSend } from '@/lib/itemSpecifics'
import { amountProblem, parseDoge } from '@/lib/money'

/** What the Sell page edits: text as typed, turned into the API's ListingForm by `toListingForm`. */
export interface SellDraft {
  title: string
  description: string
  condition: string
  categoryId: number | null
  itemSpecifics: Record<string, string>
  format: 'auction' | 'fixed'
  startPrice: string
  reservePrice: string
  buyItNowPrice: string
  price: string
  quantity: string
  durationDays: number
  /** A datetime-local value (the seller's time zone), or empty: start when published. */
  scheduledStart: string
  shippingOptions: { service: string; cost: string }[]
  shipsTo: string[]
  /** Country codes typed by hand, e.g. "US, DE". */
  countries: string
  /** Best Offer (fixed price only): buyers may offer less; the automatic answers are optional. */
  acceptsOffers: boolean
  autoAcceptPrice: string
  autoDeclinePrice: string
}

export const CONDITIONS = [
  { value: 'new', label: 'New' },
  { value: 'open-box', label: 'Open box' },
  { value: 'refurbished', label: 'Refurbished' },
  { value: 'used', label: 'Used' },
  { value: 'for-parts', label: 'For parts or not working' },
] as const
export const AUCTION_DAYS = [1, 3, 5, 7, 10] as const
export const FIXED_DAYS = [1, 3, 5, 7, 10, 30] as const
export const REGIONS = [
  { value: 'worldwide', label: 'Worldwide' },
  { value: 'north-america', label: 'North America' },
  { value: 'south-america', label: 'South America' },
  { value: 'europe', label: 'Europe' },
  { value: 'asia', label: 'Asia' },
  { value: 'africa', label: 'Africa' },
  { value: 'oceania', label: 'Oceania' },
  { value: 'middle-east', label: 'Middle East' },
] as const

export function emptyDraft(): SellDraft {
  return {
    title: '',
    description: '',
    condition: '',
    categoryId: null,
    itemSpecifics: {},
    format: 'auction',
    startPrice: '',
    reservePrice: '',
    buyItNowPrice: '',
    price: '',
    quantity: '1',
    durationDays: 7,
    scheduledStart: '',
    shippingOptions: [{ service: 'Standard shipping', cost: '0' }],
    shipsTo: ['worldwide'],
    countries: '',
    acceptsOffers: false,
    autoAcceptPrice: '',
    autoDeclinePrice: '',
  }
}

function localInput(iso: string | undefined | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Prices as the server sends them ("12.50000000") read back as the seller would type them. */
function plain(amount: string | undefined | null): string {
  if (!amount) return ''
  return amount.includes('.') ? amount.replace(/0+$/, '').replace(/\.$/, '') : amount
}

export function draftOf(l: ListingView): SellDraft {
  const fixed = l.format === 'fixed'
  const regions = (l.shipsTo ?? []).filter((r) => REGIONS.some((x) => x.value === r))
  return {
    title: l.title ?? '',
    description: l.description ?? '',
    condition: l.condition ?? '',
    categoryId: l.categoryId ?? null,
    itemSpecifics: { ...(l.itemSpecifics ?? {}) },
    format: fixed ? 'fixed' : 'auction',
    startPrice: fixed ? '' : plain(l.startPrice),
    reservePrice: plain(l.reservePrice),
    buyItNowPrice: plain(l.buyItNowPrice),
    price: fixed ? plain(l.startPrice) : '',
    quantity: String(l.quantity ?? 1),
    durationDays: l.durationDays ?? 7,
    scheduledStart: l.status === 'draft' || l.status === 'scheduled' ? localInput(l.scheduledStart) : '',
    shippingOptions: (l.shippingOptions ?? []).map((s) => ({ service: s.service ?? '', cost: plain(s.cost) || '0' })),
    shipsTo: regions,
    countries: (l.shipsTo ?? []).filter((r) => !regions.includes(r)).join(', '),
    acceptsOffers: fixed && !!l.acceptsOffers,
    autoAcceptPrice: plain(l.autoAcceptPrice),
    autoDeclinePrice: plain(l.autoDeclinePrice),
  }
}

export function regionsOf(d: SellDraft): string[] {
  const codes = d.countries
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean)
  return [...new Set([...d.shipsTo, ...codes])]
}

export function toListingForm(d: SellDraft, specifics: readonly ItemSpecific[]): ListingForm {
  const auction = d.format === 'auction'
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim())
  return {
    title: d.title.trim(),
    description: d.description.trim(),
    condition: d.condition,
    categoryId: d.categoryId ?? undefined,
    itemSpecifics: specificsToSend(specifics, d.itemSpecifics),
    format: d.format,
    startPrice: auction ? opt(d.startPrice) : undefined,
    reservePrice: auction ? opt(d.reservePrice) : undefined,
    buyItNowPrice: auction ? opt(d.buyItNowPrice) : undefined,
    price: auction ? undefined : opt(d.price),
    quantity: auction ? undefined : Number(d.quantity),
    durationDays: d.durationDays,
    scheduledStart: d.scheduledStart ? new Date(d.scheduledStart).toISOString() : undefined,
    shippingOptions: d.shippingOptions.map((s) => ({ service: s.service.trim(), cost: s.cost.trim() })),
    shipsTo: regionsOf(d),
    acceptsOffers: auction ? undefined : d.acceptsOffers,
    autoAcceptPrice: !auction && d.acceptsOffers ? opt(d.autoAcceptPrice) : undefined,
    autoDeclinePrice: !auction && d.acceptsOffers ? opt(d.autoDeclinePrice) : undefined,
  }
}

/**
 * The browser's check of the whole form, keyed by the server's field names (`title`,
 * `itemSpecifics.Brand`, `shippingOptions[0].cost`, ...), so one map places both kinds of error.
 */
export function draftProblems(d: SellDraft, specifics: readonly ItemSpecific[], now = new Date()): Record<string, string> {
  const e: Record<string, string> = {}
  if (!d.title.trim()) e.title = 'Give your item a title.'
  else if (d.title.trim().length > 80) e.title = 'At most 80 characters.'
  if (!d.description.trim()) e.description = 'Describe your item.'
  if (!d.condition) e.condition = 'Choose the condition.'
  if (d.categoryId == null) e.categoryId = 'Choose a category.'
  Object.assign(e, specificsProblems(specifics, d.itemSpecifics))
  if (d.format === 'auction') {
    const start = amountProblem(d.startPrice)
    if (start) e.startPrice = start
    const s = parseDoge(d.startPrice)
    if (d.reservePrice.trim()) {
      const p = amountProblem(d.reservePrice)
      const r = parseDoge(d.reservePrice)
      if (p) e.reservePrice = p
      else if (s !== null && r !== null && r < s) e.reservePrice = 'The reserve cannot be below the start price.'
    }
    if (d.buyItNowPrice.trim()) {
      const p = amountProblem(d.buyItNowPrice)
      const b = parseDoge(d.buyItNowPrice)
      const r = parseDoge(d.reservePrice)
      if (p) e.buyItNowPrice = p
      else if (s !== null && b !== null && b <= s) e.buyItNowPrice = 'Buy It Now must be above the start price.'
      else if (r !== null && b !== null && b < r) e.buyItNowPrice = 'Buy It Now cannot be below the reserve.'
    }
    if (!AUCTION_DAYS.includes(d.durationDays as (typeof AUCTION_DAYS)[number])) e.durationDays = 'Choose 1, 3, 5, 7 or 10 days.'
  } else {
    const p = amountProblem(d.price)
    if (p) e.price = p
    const q = Number(d.quantity)
    if (!/^\d+$/.test(d.quantity.trim()) || q < 1 || q > 10000) e.quantity = 'Between 1 and 10,000.'
    if (d.acceptsOffers) Object.assign(e, bestOfferProblems(d))
  }
  if (d.scheduledStart) {
    const t = new Date(d.scheduledStart)
    if (Number.isNaN(t.getTime())) e.scheduledStart = 'Enter a date and time.'
    else if (t <= now) e.scheduledStart = 'The start must be in the future.'
  }
  if (!d.shippingOptions.length) e.shippingOptions = 'Add at least one shipping option.'
  d.shippingOptions.forEach((s, i) => {
    if (!s.service.trim()) e[`shippingOptions[${i}].service`] = 'Name the service.'
    if (parseDoge(s.cost) === null) e[`shippingOptions[${i}].cost`] = 'Enter a cost in DOGE (0 for free shipping).'
  })
  const regions = regionsOf(d)
  if (!regions.length) e.shipsTo = 'Choose where you ship to.'
  else if (regions.some((r) => !REGIONS.some((x) => x.value === r) && !/^[A-Z]{2}$/.test(r))) e.shipsTo = 'Country codes are two letters, e.g. US, DE.'
  return e
}

/** Best Offer's rules, as the server has them: auto-decline < auto-accept < the price, both optional. */
function bestOfferProblems(d: SellDraft): Record<string, string> {
  const e: Record<string, string> = {}
  const price = parseDoge(d.price)
  let accept: bigint | null = null
  if (d.autoAcceptPrice.trim()) {
    const p = amountProblem(d.autoAcceptPrice)
    accept = parseDoge(d.autoAcceptPrice)
    if (p) e.autoAcceptPrice = p
    else if (price !== null && accept !== null && accept >= price) e.autoAcceptPrice = 'Auto-accept must be below the price.'
  }
  if (d.autoDeclinePrice.trim()) {
    const p = amountProblem(d.autoDeclinePrice)
    const decline = parseDoge(d.autoDeclinePrice)
    if (p) e.autoDeclinePrice = p
    else if (price !== null && decline !== null && decline >= price) e.autoDeclinePrice = 'Auto-decline must be below the price.'
    else if (accept !== null && decline !== null && decline >= accept) e.autoDeclinePrice = 'Auto-decline must be below auto-accept.'
  }
  return e
}
