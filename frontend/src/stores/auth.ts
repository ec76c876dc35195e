import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { configureApi, credentialsApi, userApi } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { Account, ProfileUpdate, Registration } from '@/api/types'
import { createBackend, type AuthBackend } from '@/auth'
import { useOrdersStore } from './orders'
import { useWalletStore } from './wallet'

/** Who is signed in. The tokens live in the auth backend (memory), never in this store's state. */
export const useAuthStore = defineStore('auth', () => {
  const user = ref<Account | null>(null)
  const ready = ref(false)
  const backend = shallowRef<AuthBackend | null>(null)
  const signedIn = computed(() => user.value !== null)
  let starting: Promise<void> | null = null

  /** Once, before the first navigation: resume a session the tab still holds. */
  function start(onSessionExpired: () => void): Promise<void> {
    starting ??= (async () => {
      backend.value = await createBackend()
      configureApi({
        tokens: backend.value.tokens,
        onSessionExpired: () => {
          user.value = null
          onSessionExpired()
        },
      })
      if (backend.value.hasSession()) await loadMe().catch(() => undefined)
      ready.value = true
    })()
    return starting
  }

  async function loadMe(): Promise<void> {
    user.value = unwrap(await userApi.GET('/api/v1/user/users/me'))
  }

  async function signIn(username: string, password: string): Promise<void> {
    await backend.value!.signIn(username, password)
    await loadMe()
  }

  async function signUp(registration: Registration): Promise<void> {
    unwrap(await credentialsApi.POST('/api/v1/user/register', { body: registration }))
    await signIn(registration.username, registration.password)
  }

  async function signOut(): Promise<void> {
    await backend.value?.signOut()
    user.value = null
    // Nothing of this user's wallet stays on screen for the next one.
    useWalletStore().$reset()
    useOrdersStore().$reset()
  }

  async function updateProfile(update: ProfileUpdate): Promise<void> {
    user.value = unwrap(await userApi.PATCH('/api/v1/user/users/me', { body: update }))
  }

  return { user, ready, signedIn, backend, start, loadMe, signIn, signUp, signOut, updateProfile }
})
