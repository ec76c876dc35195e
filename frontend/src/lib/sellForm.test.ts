import { describe, expect, it } from 'vitest'
import type { ItemSpecific } from '@/api/types'
import { draftProblems, emptyDraft, toListingForm, type SellDraft } from './sellForm'
import { leavesOf, searchLeaves } from '@/stores/categories'

const specs: ItemSpecific[] = [{ name: 'Brand', type: 'TEXT', requirement: 'REQUIRED', allowedValues: [] }]
function filled(over: Partial<SellDraft> = {}): SellDraft {
  return { ...emptyDraft(), title: 'Phone', description: 'Nice', condition: 'used', categoryId: 3, itemSpecifics: { Brand: 'Google' }, startPrice: '10', ...over }
}

describe('the Sell form', () => {
  it('finds nothing wrong with a complete auction', () => {
    expect(draftProblems(filled(), specs)).toEqual({})
  })

  it('names each wrong field with the key the server uses', () => {
    const p = draftProblems(
      filled({ itemSpecifics: {}, reservePrice: '5', buyItNowPrice: '10', shippingOptions: [{ service: '', cost: 'free' }], shipsTo: [], countries: 'USA' }),
      specs,
    )
    expect(Object.keys(p).sort()).toEqual(['buyItNowPrice', 'itemSpecifics.Brand', 'reservePrice', 'shippingOptions[0].cost', 'shippingOptions[0].service', 'shipsTo'])
  })

  it('checks a fixed price and its quantity, and a scheduled start in the past', () => {
    const p = draftProblems(filled({ format: 'fixed', price: '0.000000001', quantity: '0', scheduledStart: '2020-01-01T10:00' }), specs)
    expect(Object.keys(p).sort()).toEqual(['price', 'quantity', 'scheduledStart'])
  })

  it('sends an auction without fixed-price fields and a fixed price without auction ones', () => {
    const a = toListingForm(filled({ countries: 'us, de', shipsTo: ['europe'] }), specs)
    expect(a).toMatchObject({ format: 'auction', startPrice: '10', price: undefined, quantity: undefined, shipsTo: ['europe', 'US', 'DE'], itemSpecifics: { Brand: 'Google' } })
    const f = toListingForm(filled({ format: 'fixed', price: '12.5', quantity: '3', reservePrice: '20' }), specs)
    expect(f).toMatchObject({ format: 'fixed', price: '12.5', quantity: 3, startPrice: undefined, reservePrice: undefined })
  })

  it('checks Best Offer prices against the price and each other, and sends them only with offers on', () => {
    const fixed = { format: 'fixed' as const, price: '100', quantity: '2' }
    expect(draftProblems(filled({ ...fixed, acceptsOffers: true, autoAcceptPrice: '90', autoDeclinePrice: '50' }), specs)).toEqual({})
    const p = draftProblems(filled({ ...fixed, acceptsOffers: true, autoAcceptPrice: '100', autoDeclinePrice: '120' }), specs)
    expect(Object.keys(p).sort()).toEqual(['autoAcceptPrice', 'autoDeclinePrice'])
    const q = draftProblems(filled({ ...fixed, acceptsOffers: true, autoAcceptPrice: '60', autoDeclinePrice: '60' }), specs)
    expect(q).toEqual({ autoDeclinePrice: 'Auto-decline must be below auto-accept.' })
    expect(toListingForm(filled({ ...fixed, acceptsOffers: true, autoAcceptPrice: '90', autoDeclinePrice: '' }), specs)).toMatchObject({
      acceptsOffers: true,
      autoAcceptPrice: '90',
      autoDeclinePrice: undefined,
    })
    expect(toListingForm(filled({ ...fixed, acceptsOffers: false, autoAcceptPrice: '90' }), specs)).toMatchObject({ acceptsOffers: false, autoAcceptPrice: undefined })
    expect(toListingForm(filled({ acceptsOffers: true }), specs).acceptsOffers).toBeUndefined()
  })
})

describe('category search', () => {
  const tree = [
    { id: 1, name: 'Electronics', leaf: false, children: [{ id: 2, name: 'Cell Phones', leaf: false, children: [{ id: 3, name: 'Smartphones', leaf: true, children: [] }] }] },
    { id: 4, name: 'Music', leaf: false, children: [{ id: 5, name: 'Vinyl Records', leaf: true, children: [] }] },
  ]
  it('finds leaves by any words of their path, with the path for the breadcrumb', () => {
    const leaves = leavesOf(tree)
    expect(leaves.map((l) => l.id)).toEqual([3, 5])
    expect(searchLeaves(leaves, 'phones elec').map((l) => l.path.map((p) => p.name))).toEqual([['Electronics', 'Cell Phones', 'Smartphones']])
    expect(searchLeaves(leaves, 'vinyl').map((l) => l.id)).toEqual([5])
    expect(searchLeaves(leaves, '  ')).toEqual([])
  })
})
