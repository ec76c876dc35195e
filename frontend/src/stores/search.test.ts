import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { configureApi } from '@/api/client'
import { fromRouteQuery } from '@/lib/searchQuery'
import { useSearchStore } from './search'

/** A fake search service: pages of two items named after their cursor; facets on first pages only. */
function service() {
  const calls: string[] = []
  const fetch = vi.fn(async (request: Request) => {
    const url = new URL(request.url)
    calls.push(url.search)
    const cursor = url.searchParams.get('cursor')
    const at = cursor ? Number(cursor.slice(1)) : 0
    const body = {
      items: [{ id: `${at}a`, title: 'x' }, { id: `${at}b`, title: 'x' }].slice(0, Number(url.searchParams.get('size') ?? 2)),
      ...(cursor ? {} : { facets: { categories: [], buyItNow: 0 } }),
      total: 6,
      nextCursor: at < 4 ? `p${at + 2}` : null,
      took: 1,
    }
    if (url.searchParams.get('q') === 'broken') return new Response(JSON.stringify({ status: 503, detail: 'Search is unavailable.' }), { status: 503 })
    return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
  })
  configureApi({ fetch: fetch as unknown as typeof globalThis.fetch, tokens: null })
  return { calls }
}

describe('the search results store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('sends the search as the service reads it: repeated names and item specifics', async () => {
    const { calls } = service()
    await useSearchStore().show(fromRouteQuery({ q: 'lamp', condition: ['used', 'new'], 'spec.Color': 'Red' }))
    expect(calls).toEqual(['?q=lamp&condition=new&condition=used&spec.Color=Red'])
  })

  it('appends the next page for "more results" and drops it again on going back', async () => {
    const { calls } = service()
    const store = useSearchStore()
    await store.show(fromRouteQuery({ q: 'lamp' }))
    await store.show(fromRouteQuery({ q: 'lamp', cursor: 'p2' }))
    expect(store.items.map((i) => i.id)).toEqual(['0a', '0b', '2a', '2b'])
    expect(store.facets).not.toBeNull()
    expect(store.nextCursor).toBe('p4')
    await store.show(fromRouteQuery({ q: 'lamp' }))
    expect(store.items.map((i) => i.id)).toEqual(['0a', '0b'])
    // Back needs no request: the pages are still there.
    expect(calls).toEqual(['?q=lamp', '?q=lamp&cursor=p2'])
  })

  it('starts again for another search, and asks for the facets apart when a shared link starts at a cursor', async () => {
    const { calls } = service()
    const store = useSearchStore()
    await store.show(fromRouteQuery({ q: 'lamp' }))
    await store.show(fromRouteQuery({ q: 'lamp', sort: 'price_asc', cursor: 'p2' }))
    expect(store.items.map((i) => i.id)).toEqual(['2a', '2b'])
    expect(store.startsLater).toBe(true)
    expect(store.facets).not.toBeNull()
    expect(calls.slice(1).sort()).toEqual(['?q=lamp&sort=price_asc&cursor=p2', '?q=lamp&size=1'].sort())
  })

  it('keeps the detail of a refused search to show, and tries again when asked', async () => {
    service()
    const store = useSearchStore()
    await store.show(fromRouteQuery({ q: 'broken' }))
    expect(store.error).toBe('Search is unavailable.')
    expect(store.items).toEqual([])
    await store.show(fromRouteQuery({ q: 'lamp' }))
    expect(store.error).toBeNull()
    expect(store.items).toHaveLength(2)
  })
})
