import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { PhotoView } from '@/api/types'

const api = vi.hoisted(() => ({
  PUT: vi.fn(),
  DELETE: vi.fn(),
  POST: vi.fn(),
  GET: vi.fn(),
}))
vi.mock('@/api/client', () => ({ listingApi: api }))

import PhotoUploader from './PhotoUploader.vue'
import { moveItem } from '@/lib/reorder'

const ok = (data: unknown = {}) => ({ data, response: new Response(null, { status: 200 }) })
const refused = (status: number, problem: unknown) => ({ error: problem, response: new Response(null, { status }) })

function photo(id: string, position: number): PhotoView {
  return { id, status: 'ready', position, urls: { '96': `/p/${id}/96.jpg`, '300': `/p/${id}/300.jpg` } }
}
const ids = (w: ReturnType<typeof mount>) => w.findAll('[data-photo-id]').map((li) => li.attributes('data-photo-id'))

describe('moveItem', () => {
  it('moves one item and keeps the others in order, clamped to the list', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a'])
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b'])
    expect(moveItem(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b'])
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b'])
  })
})

describe('PhotoUploader', () => {
  beforeEach(() => Object.values(api).forEach((f) => f.mockReset()))

  const mountIt = () => mount(PhotoUploader, { props: { listingId: 'L1', initial: [photo('a', 0), photo('b', 1), photo('c', 2)] } })

  it('shows the photos in their order with previews and numbered move and remove buttons', () => {
    const w = mountIt()
    expect(ids(w)).toEqual(['a', 'b', 'c'])
    expect(w.findAll('img').map((i) => i.attributes('src'))).toEqual(['/p/a/300.jpg', '/p/b/300.jpg', '/p/c/300.jpg'])
    expect(w.get('[aria-label="Move photo 1 earlier"]').attributes('disabled')).toBeDefined()
    expect(w.get('[aria-label="Move photo 3 later"]').attributes('disabled')).toBeDefined()
    expect(w.get('[data-testid="photo-count"]').text()).toBe('3 of 12')
  })

  it('moves a photo later and sends the whole new order to the server', async () => {
    api.PUT.mockResolvedValue(ok([]))
    const w = mountIt()
    await w.get('[aria-label="Move photo 1 later"]').trigger('click')
    await flushPromises()
    expect(ids(w)).toEqual(['b', 'a', 'c'])
    expect(api.PUT).toHaveBeenCalledWith('/api/v1/listing/listings/{id}/photos/order', { params: { path: { id: 'L1' } }, body: { order: ['b', 'a', 'c'] } })
    await w.get('[aria-label="Move photo 3 earlier"]').trigger('click')
    await flushPromises()
    expect(ids(w)).toEqual(['b', 'c', 'a'])
    expect(api.PUT).toHaveBeenLastCalledWith('/api/v1/listing/listings/{id}/photos/order', { params: { path: { id: 'L1' } }, body: { order: ['b', 'c', 'a'] } })
    expect(w.emitted('changed')).toHaveLength(2)
  })

  it('puts the order back and says why when the server refuses it', async () => {
    api.PUT.mockResolvedValue(refused(409, { detail: 'The listing has ended; it cannot be changed.' }))
    const w = mountIt()
    await w.get('[aria-label="Move photo 2 earlier"]').trigger('click')
    await flushPromises()
    expect(ids(w)).toEqual(['a', 'b', 'c'])
    expect(w.get('[role="alert"]').text()).toBe('The listing has ended; it cannot be changed.')
  })

  it('removes a photo on the server and from the list', async () => {
    api.DELETE.mockResolvedValue({ response: new Response(null, { status: 204 }) })
    const w = mountIt()
    await w.get('[aria-label="Remove photo 2"]').trigger('click')
    await flushPromises()
    expect(api.DELETE).toHaveBeenCalledWith('/api/v1/listing/photos/{photoId}', { params: { path: { photoId: 'b' } } })
    expect(ids(w)).toEqual(['a', 'c'])
    expect(w.get('[data-testid="photo-count"]').text()).toBe('2 of 12')
  })

  it("refuses a file that is not an image before asking the server, and shows the server's refusal of a 13th", async () => {
    api.POST.mockResolvedValue(refused(422, { detail: 'Invalid', errors: [{ field: 'photos', message: 'a listing has at most 12 photos' }] }))
    globalThis.URL.createObjectURL = vi.fn(() => 'blob:x')
    globalThis.URL.revokeObjectURL = vi.fn()
    const w = mountIt()
    const input = w.get('input[type="file"]')
    const files = [new File(['hello'], 'notes.txt', { type: 'text/plain' }), new File([new Uint8Array([137, 80, 78, 71])], 'one.png', { type: 'image/png' })]
    Object.defineProperty(input.element, 'files', { value: files, configurable: true })
    await input.trigger('change')
    await flushPromises()
    const added = w.findAll('li').slice(3)
    expect(added.map((li) => li.attributes('data-status'))).toEqual(['failed', 'failed'])
    expect(added[0]!.get('[data-field-error]').text()).toBe('Only JPEG, PNG or WebP images can be uploaded.')
    expect(added[1]!.get('[data-field-error]').text()).toBe('a listing has at most 12 photos')
    expect(api.POST).toHaveBeenCalledTimes(1)
    expect(api.POST.mock.calls[0]![1]).toEqual({ params: { path: { id: 'L1' } }, body: { contentType: 'image/png', size: 4 } })
  })
})
