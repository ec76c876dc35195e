import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import SearchFacets from './SearchFacets.vue'
import type { SearchFacets as Facets } from '@/api/types'
import { fromRouteQuery, toParams, type SearchState } from '@/lib/searchQuery'

const FACETS: Facets = {
  categories: [
    { id: '1', name: 'Collectibles', count: 5, children: [{ id: '11', name: 'Coins', count: 3, children: [] }] },
    { id: '2', name: 'Electronics', count: 2, children: [] },
  ],
  price: { min: '1', max: '900', ranges: [{ to: '10.00000000', count: 4 }, { from: '10.00000000', to: '100.00000000', count: 2 }, { from: '100.00000000', count: 1 }] },
  condition: [
    { value: 'used', count: 4 },
    { value: 'new', count: 3 },
  ],
  format: [
    { value: 'auction', count: 6 },
    { value: 'fixed', count: 1 },
  ],
  buyItNow: 2,
  endingWithin: [{ value: '1h', count: 1 }],
  itemSpecifics: [{ name: 'Metal', values: [{ value: 'Brass', count: 2 }, { value: 'Silver', count: 1 }] }],
}

async function setup(query: Record<string, string | string[]>) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/search', name: 'search', component: { template: '<p/>' } }] })
  await router.push({ path: '/search', query })
  const search = fromRouteQuery(router.currentRoute.value.query)
  const w = mount(SearchFacets, { props: { search, facets: FACETS }, global: { plugins: [router] } })
  const emitted = () => (w.emitted('change') ?? []).map((e) => toParams(e[0] as SearchState))
  return { w, emitted }
}

describe('the search filters', () => {
  it('shows the category tree with counts, each a link to the search narrowed to it', async () => {
    const { w } = await setup({ q: 'brass', sort: 'price_asc', cursor: 'c1' })
    const rows = w.findAll('[data-testid=facets] section li')
    expect(rows.map((r) => r.text().replace(/\s+/g, ' '))).toEqual(['Collectibles (5)', 'Coins (3)', 'Electronics (2)'])
    // Narrowing keeps the words and the sort and starts at the first result again.
    expect(rows[1]!.get('a').attributes('href')).toBe('/search?q=brass&category=11&sort=price_asc')
  })

  it('marks the chosen category and offers the way back to all of them', async () => {
    const { w } = await setup({ q: 'brass', category: '11', 'spec.Metal': 'Brass' })
    expect(w.get('[aria-current=true]').text()).toBe('Coins')
    // Leaving the category forgets its item specifics.
    expect(w.get('a').text()).toBe('All categories')
    expect(w.get('a').attributes('href')).toBe('/search?q=brass')
  })

  it('adds and removes a condition, a format, Buy It Now and an item specific value', async () => {
    const { w, emitted } = await setup({ q: 'brass', condition: 'new' })
    const byText = (t: string) => w.findAll('label').find((l) => l.text().startsWith(t))!.get('input')
    expect(byText('New').element.checked).toBe(true)
    await byText('Used').trigger('change')
    await byText('New').trigger('change')
    await byText('Auction').trigger('change')
    await byText('Buy It Now available').trigger('change')
    await byText('Brass').trigger('change')
    await byText('Within 1 hour').trigger('change')
    expect(emitted()).toEqual([
      { q: 'brass', condition: ['new', 'used'] },
      { q: 'brass' },
      { q: 'brass', condition: ['new'], format: 'auction' },
      { q: 'brass', condition: ['new'], buyItNow: 'true' },
      { q: 'brass', condition: ['new'], 'spec.Metal': ['Brass'] },
      { q: 'brass', condition: ['new'], endingWithin: '1h' },
    ])
  })

  it('shows each value with its count', async () => {
    const { w } = await setup({})
    const text = w.text().replace(/\s+/g, ' ')
    expect(text).toContain('Used (4)')
    expect(text).toContain('Auction (6)')
    expect(text).toContain('Buy It Now available (2)')
    expect(text).toContain('Silver (1)')
    expect(w.findAll('fieldset a').map((a) => [a.text(), a.attributes('href')])).toEqual([
      ['Under 10.00', '/search?maxPrice=10'],
      ['10.00 to 100.00', '/search?minPrice=10&maxPrice=100'],
      ['100.00 and more', '/search?minPrice=100'],
    ])
  })

  it('checks a typed price range before searching with it', async () => {
    const { w, emitted } = await setup({})
    await w.get('#facet-min').setValue('50')
    await w.get('#facet-max').setValue('5')
    await w.get('fieldset form').trigger('submit')
    expect(w.get('[role=alert]').text()).toBe('The lowest price is above the highest.')
    await w.get('#facet-max').setValue('1.123456789')
    await w.get('fieldset form').trigger('submit')
    expect(w.get('[role=alert]').text()).toContain('At most 8 decimal places')
    expect(emitted()).toEqual([])
    await w.get('#facet-max').setValue('75.5')
    await w.get('fieldset form').trigger('submit')
    expect(emitted()).toEqual([{ minPrice: '50', maxPrice: '75.5' }])
  })
})
