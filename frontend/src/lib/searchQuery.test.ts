import { describe, expect, it } from 'vitest'
import { describe as describeSearch, emptySearch, filterKey, fromRouteQuery, toParams, toSearchString, toggled, withChange } from './searchQuery'

describe('the search in the URL', () => {
  it('reads every filter, the sort and the cursor from the query', () => {
    const s = fromRouteQuery({
      q: ' red bike ',
      category: '1203',
      format: 'auction',
      condition: ['used', 'new'],
      minPrice: '10',
      maxPrice: '50.5',
      buyItNow: 'true',
      endingWithin: '1d',
      'spec.Brand': ['Trek', 'Giant'],
      sort: 'price_asc',
      cursor: 'abc',
    })
    expect(s).toEqual({
      q: 'red bike',
      category: '1203',
      format: 'auction',
      conditions: ['new', 'used'],
      minPrice: '10',
      maxPrice: '50.5',
      buyItNow: true,
      endingWithin: '1d',
      specifics: { Brand: ['Giant', 'Trek'] },
      sort: 'price_asc',
      cursor: 'abc',
    })
  })

  it('drops what the search would refuse instead of sending it', () => {
    const s = fromRouteQuery({ format: 'barter', sort: 'cheapest', minPrice: '-3', maxPrice: '1.123456789', endingWithin: '2h', category: 'a b', utm: 'x' })
    expect(s).toEqual(emptySearch())
  })

  it('gives the same parameters back, in a fixed order and without defaults, so a URL survives a round trip', () => {
    const query = { q: 'lamp', condition: ['new', 'used'], 'spec.Color': ['Red'], sort: 'newly_listed', cursor: 'c1' }
    const s = fromRouteQuery(query)
    expect(toParams(s)).toEqual(query)
    expect(fromRouteQuery(toParams(s))).toEqual(s)
    expect(toParams(emptySearch())).toEqual({})
    expect(toSearchString(toParams(s))).toBe('q=lamp&condition=new&condition=used&spec.Color=Red&sort=newly_listed&cursor=c1')
  })

  it('leaves sort and cursor out of what a saved search keeps and of the facet key', () => {
    const s = fromRouteQuery({ q: 'lamp', sort: 'price_desc', cursor: 'c2' })
    expect(toParams(s, { paging: false })).toEqual({ q: 'lamp' })
    expect(filterKey(s)).toBe(filterKey(fromRouteQuery({ q: 'lamp' })))
    expect(filterKey(s)).not.toBe(filterKey(fromRouteQuery({ q: 'lamps' })))
  })

  it('starts again at the first result when a filter or the sort changes, and forgets specifics of another category', () => {
    const s = fromRouteQuery({ q: 'x', category: '10', 'spec.Brand': 'Acme', cursor: 'c3' })
    expect(withChange(s, { sort: 'price_asc' }).cursor).toBeNull()
    expect(withChange(s, { sort: 'price_asc' }).specifics).toEqual({ Brand: ['Acme'] })
    expect(withChange(s, { category: '11' }).specifics).toEqual({})
    expect(withChange(s, { cursor: 'c4' }).cursor).toBe('c4')
    expect(s.cursor).toBe('c3')
  })

  it('toggles one value of a list filter', () => {
    expect(toggled(['new'], 'used')).toEqual(['new', 'used'])
    expect(toggled(['new', 'used'], 'new')).toEqual(['used'])
  })

  it('describes a search in words', () => {
    expect(describeSearch(fromRouteQuery({ q: 'lamp', condition: 'used', maxPrice: '20' }))).toBe('“lamp” · Used · 0–20 DOGE')
    expect(describeSearch(emptySearch())).toBe('All listings')
  })
})
