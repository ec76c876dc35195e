import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import SignInView from './SignInView.vue'
import { configureApi } from '@/api/client'

async function mountAt(path: string) {
  setActivePinia(createPinia())
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/sign-in', name: 'sign-in', component: SignInView },
      { path: '/sign-up', name: 'sign-up', component: { template: '<p/>' } },
    ],
  })
  await router.push(path)
  const w = mount(SignInView, { global: { plugins: [router] } })
  return { w, router }
}

describe('the sign-in page', () => {
  it('checks the fields before sending anything', async () => {
    const fetch = vi.fn()
    configureApi({ fetch: fetch as unknown as typeof globalThis.fetch })
    const { w } = await mountAt('/sign-in')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(fetch).not.toHaveBeenCalled()
    expect(w.findAll('[data-field-error]').map((e) => e.text())).toEqual(['Enter your username or email.', 'Enter your password.'])
  })

  it('tells a visitor sent from a protected page why they are here', async () => {
    const { w } = await mountAt('/sign-in?returnTo=/wallet')
    expect(w.get('[role=status]').text()).toBe('Sign in to continue to that page.')
  })

  it('shows the server detail when the credentials are refused', async () => {
    configureApi({
      fetch: vi.fn(async () =>
        new Response(JSON.stringify({ status: 401, detail: 'Wrong username or password.' }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } }),
      ) as unknown as typeof globalThis.fetch,
    })
    const { w } = await mountAt('/sign-in')
    const { useAuthStore } = await import('@/stores/auth')
    const { localBackend } = await import('@/auth')
    useAuthStore().backend = localBackend()
    await w.get('input[name=username]').setValue('bob')
    await w.get('input[name=password]').setValue('not-the-password')
    await w.get('form').trigger('submit')
    await flushPromises()
    expect(w.get('[role=alert]').text()).toBe('Wrong username or password.')
  })
})
