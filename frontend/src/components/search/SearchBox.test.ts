import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import SearchBox from './SearchBox.vue'
import { configureApi } from '@/api/client'

const SUGGESTIONS = [
  { text: 'Brass telescope', listingId: 'a' },
  { text: 'Brass compass', listingId: 'b' },
  { text: 'Brass bell', listingId: 'c' },
]

async function setup(answer: (url: URL) => unknown = () => ({ suggestions: SUGGESTIONS })) {
  const fetch = vi.fn(async (request: Request) => new Response(JSON.stringify(answer(new URL(request.url))), { status: 200, headers: { 'Content-Type': 'application/json' } }))
  configureApi({ fetch: fetch as unknown as typeof globalThis.fetch, tokens: null })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: { template: '<p/>' } },
      { path: '/search', name: 'search', component: { template: '<p/>' } },
    ],
  })
  await router.push('/')
  const w = mount(SearchBox, { props: { inputId: 'box', debounceMs: 100 }, global: { plugins: [router] }, attachTo: document.body })
  return { w, router, fetch, input: w.get('input') }
}

async function type(input: Awaited<ReturnType<typeof setup>>['input'], value: string) {
  await input.setValue(value)
  await vi.advanceTimersByTimeAsync(100)
  await flushPromises()
}

describe('the search box', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
    document.body.innerHTML = ''
  })

  it('asks for suggestions once typing pauses, not on every key', async () => {
    const { fetch, input, w } = await setup()
    await input.setValue('b')
    await input.setValue('br')
    await input.setValue('bra')
    expect(fetch).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(100)
    await flushPromises()
    expect(fetch).toHaveBeenCalledTimes(1)
    const url = new URL((fetch.mock.calls[0]![0] as Request).url)
    expect(url.pathname).toBe('/api/v1/search/suggest')
    expect(url.searchParams.get('q')).toBe('bra')
    expect(w.findAll('[role=option]').map((o) => o.text())).toEqual(SUGGESTIONS.map((s) => s.text))
    expect(input.attributes('aria-expanded')).toBe('true')
  })

  it('moves through the suggestions with the arrow keys, wrapping around, and marks the active one', async () => {
    const { input, w } = await setup()
    await type(input, 'bra')
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe('box-option-0')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowDown' })
    expect(input.attributes('aria-activedescendant')).toBe('box-option-0')
    await input.trigger('keydown', { key: 'ArrowUp' })
    expect(input.attributes('aria-activedescendant')).toBe('box-option-2')
    expect(w.findAll('[role=option]').map((o) => o.attributes('aria-selected'))).toEqual(['false', 'false', 'true'])
  })

  it('searches the highlighted suggestion on Enter', async () => {
    const { input, w, router } = await setup()
    await type(input, 'bra')
    await input.trigger('keydown', { key: 'ArrowDown' })
    await input.trigger('keydown', { key: 'ArrowDown' })
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/search?q=Brass+compass')
    expect(input.attributes('aria-expanded')).toBe('false')
  })

  it('searches what was typed on Enter when no suggestion is highlighted', async () => {
    const { input, w, router } = await setup()
    await type(input, 'brsas lamp')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(router.currentRoute.value.query).toEqual({ q: 'brsas lamp' })
  })

  it('closes the list on Escape and shows nothing for an emptied box', async () => {
    const { input, w, fetch } = await setup()
    await type(input, 'bra')
    await input.trigger('keydown', { key: 'Escape' })
    expect(input.attributes('aria-expanded')).toBe('false')
    expect(input.attributes('aria-activedescendant')).toBeUndefined()
    await type(input, '')
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(w.get('[role=listbox]').isVisible()).toBe(false)
  })

  it('shows only the answer to the latest text when answers arrive out of order', async () => {
    let release: (() => void) | undefined
    const slow = new Promise<void>((r) => (release = r))
    const fetch = vi.fn(async (request: Request) => {
      const q = new URL(request.url).searchParams.get('q')
      if (q === 'br') await slow
      return new Response(JSON.stringify({ suggestions: [{ text: `for ${q}`, listingId: q }] }), { status: 200, headers: { 'Content-Type': 'application/json' } })
    })
    const { input, w } = await setup()
    configureApi({ fetch: fetch as unknown as typeof globalThis.fetch })
    await type(input, 'br')
    await type(input, 'bra')
    release!()
    await flushPromises()
    expect(w.findAll('[role=option]').map((o) => o.text())).toEqual(['for bra'])
  })
})
