import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { RealtimeClient, realtimeUrl, type RealtimeMessage } from '@/lib/realtime'
import { useAuthStore } from './auth'

/**
 * The tab's one WebSocket to /ws, opened on the first subscription. It carries the signed-in
 * user's token, so it reconnects when the user signs in or out (the remembered subscriptions are
 * sent again on the new connection, and resync listeners refetch what may have been missed).
 */
export const useRealtimeStore = defineStore('realtime', () => {
  const auth = useAuthStore()
  const state = ref<RealtimeClient['state']>('idle')
  let client: RealtimeClient | null = null
  let poll: ReturnType<typeof setInterval> | undefined

  function ensure(): RealtimeClient {
    if (!client) {
      client = new RealtimeClient({ url: realtimeUrl(), token: async () => (await auth.backend?.tokens.accessToken()) ?? null })
      client.start()
      // The client is plain TypeScript; its connection state is mirrored for the pages to show.
      poll = setInterval(() => (state.value = client?.state ?? 'idle'), 500)
    }
    return client
  }

  watch(
    () => auth.user?.id,
    (now, before) => {
      if (client && now !== before) {
        client.stop()
        client.start()
      }
    },
  )

  function subscribe(channel: string, handler: (m: RealtimeMessage) => void): () => void {
    return ensure().subscribe(channel, handler)
  }

  function onResync(listener: () => void): () => void {
    return ensure().onResync(listener)
  }

  function $reset(): void {
    client?.stop()
    client = null
    clearInterval(poll)
    state.value = 'idle'
  }

  return { state, subscribe, onResync, $reset }
})
