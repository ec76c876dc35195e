import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/**
 * A listing search as the page's URL holds it (so back/forward and a shared link give the same
 * results) and as GET /api/v1/search/listings takes it: the same parameter names both ways.
 * Anything in the URL the search does not know is dropped rather than sent (the service would
 * answer 400 to an unknown parameter).
 */
export const SORTS = [
  { value: 'relevance', label: 'Best match' },
  { value: 'ending_soonest', label: 'Ending soonest' },
  { value: 'newly_listed', label: 'Newly listed' },
  { value: 'price_asc', label: 'Price: lowest first' },
  { value: 'price_desc', label: 'Price: highest first' },
] as const
export type Sort = (typeof SORTS)[number]['value']

export const ENDING_WITHIN = [
  { value: '1h', label: 'Within 1 hour' },
  { value: '1d', label: 'Within 1 day' },
  { value: '3d', label: 'Within 3 days' },
  { value: '7d', label: 'Within 7 days' },
] as const
export type EndingWithin = (typeof ENDING_WITHIN)[number]['value']

export const CONDITIONS: Record<string, string> = {
  new: 'New',
  'open-box': 'Open box',
  refurbished: 'Refurbished',
  used: 'Used',
  'for-parts': 'For parts or not working',
}

export interface SearchState {
  q: string
  category: string | null
  format: 'auction' | 'fixed' | null
  conditions: string[]
  minPrice: string
  maxPrice: string
  buyItNow: boolean
  endingWithin: EndingWithin | null
  /** Item specific name → chosen values (`spec.<Name>=<value>` in the URL). */
  specifics: Record<string, string[]>
  sort: Sort
  /** Where this page of results starts (null: at the first result). */
  cursor: string | null
}

export function emptySearch(): SearchState {
  return {
    q: '',
    category: null,
    format: null,
    conditions: [],
    minPrice: '',
    maxPrice: '',
    buyItNow: false,
    endingWithin: null,
    specifics: {},
    sort: 'relevance',
    cursor: null,
  }
}

const SPEC = 'spec.'
const PRICE = /^\d+(\.\d{1,8})?$/

function all(v: LocationQuery[string] | undefined): string[] {
  if (v === undefined || v === null) return []
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '')
}
function one(v: LocationQuery[string] | undefined): string | null {
  return all(v)[0] ?? null
}

/** The page's URL query → the search (unknown or malformed values are left out). */
export function fromRouteQuery(query: LocationQuery): SearchState {
  const s = emptySearch()
  s.q = (one(query.q) ?? '').trim()
  const category = one(query.category)
  s.category = category && /^[A-Za-z0-9_-]{1,64}$/.test(category) ? category : null
  const format = one(query.format)
  s.format = format === 'auction' || format === 'fixed' ? format : null
  s.conditions = [...new Set(all(query.condition).filter((c) => /^[a-z][a-z-]{0,19}$/.test(c)))].sort()
  const min = one(query.minPrice)
  const max = one(query.maxPrice)
  s.minPrice = min && PRICE.test(min) ? min : ''
  s.maxPrice = max && PRICE.test(max) ? max : ''
  s.buyItNow = one(query.buyItNow) === 'true'
  const ending = one(query.endingWithin)
  s.endingWithin = ENDING_WITHIN.some((e) => e.value === ending) ? (ending as EndingWithin) : null
  const sort = one(query.sort)
  s.sort = SORTS.some((o) => o.value === sort) ? (sort as Sort) : 'relevance'
  s.cursor = one(query.cursor)
  for (const key of Object.keys(query).sort()) {
    if (!key.startsWith(SPEC) || key.length === SPEC.length) continue
    const values = [...new Set(all(query[key]))].sort()
    if (values.length) s.specifics[key.slice(SPEC.length)] = values
  }
  return s
}

/**
 * The search → query parameters, in a fixed order and without defaults, so equal searches give
 * equal URLs. Used for the page's URL, the API call and a saved search's params (`paging: false`
 * leaves out sort and cursor).
 */
export function toParams(s: SearchState, opts: { paging?: boolean } = {}): Record<string, string | string[]> {
  const paging = opts.paging ?? true
  const p: Record<string, string | string[]> = {}
  if (s.q.trim()) p.q = s.q.trim()
  if (s.category) p.category = s.category
  if (s.format) p.format = s.format
  if (s.conditions.length) p.condition = [...s.conditions]
  if (s.minPrice) p.minPrice = s.minPrice
  if (s.maxPrice) p.maxPrice = s.maxPrice
  if (s.buyItNow) p.buyItNow = 'true'
  if (s.endingWithin) p.endingWithin = s.endingWithin
  for (const name of Object.keys(s.specifics).sort()) {
    const values = s.specifics[name]!
    if (values.length) p[SPEC + name] = [...values]
  }
  if (paging && s.sort !== 'relevance') p.sort = s.sort
  if (paging && s.cursor) p.cursor = s.cursor
  return p
}

export function toRouteQuery(s: SearchState): LocationQueryRaw {
  return toParams(s)
}

/** `?a=1&b=2&b=3` for fetch: repeated names for lists, as the service reads them. */
export function toSearchString(params: Record<string, string | string[]>): string {
  const u = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) for (const x of Array.isArray(v) ? v : [v]) u.append(k, x)
  return u.toString()
}

/** What selects the results, without sort and cursor: equal keys share facets. */
export function filterKey(s: SearchState): string {
  return toSearchString(toParams(s, { paging: false }))
}

/** A copy with one change; any change of filters or sort starts again at the first result. */
export function withChange(s: SearchState, change: Partial<SearchState>): SearchState {
  const next: SearchState = { ...s, conditions: [...s.conditions], specifics: { ...s.specifics }, ...change }
  if (!('cursor' in change)) next.cursor = null
  // The item specifics belong to the category they were chosen in.
  if ('category' in change && change.category !== s.category && !('specifics' in change)) next.specifics = {}
  return next
}

/** Adds or removes one value of a list filter. */
export function toggled(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value].sort()
}

/** A saved search's params (a value or a list of values by name) → a search to run. */
export function fromSavedParams(params: Record<string, string[] | string | undefined>): SearchState {
  return fromRouteQuery(params as LocationQuery)
}

/** "Used · Auction · 10–50 DOGE": a short description of the filters, for a saved search's default name. */
export function describe(s: SearchState): string {
  const parts: string[] = []
  if (s.q) parts.push(`“${s.q}”`)
  if (s.format) parts.push(s.format === 'auction' ? 'Auction' : 'Buy It Now (fixed price)')
  for (const c of s.conditions) parts.push(CONDITIONS[c] ?? c)
  if (s.minPrice || s.maxPrice) parts.push(`${s.minPrice || '0'}–${s.maxPrice || '…'} DOGE`)
  if (s.buyItNow) parts.push('Buy It Now available')
  if (s.endingWithin) parts.push(ENDING_WITHIN.find((e) => e.value === s.endingWithin)!.label.toLowerCase())
  for (const [name, values] of Object.entries(s.specifics)) parts.push(`${name}: ${values.join(', ')}`)
  return parts.join(' · ') || 'All listings'
}
