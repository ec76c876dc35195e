import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { fetchUnreadCount, type MessageFrame } from '@/api/messaging'
import type { RealtimeMessage } from '@/lib/realtime'
import { useAuthStore } from './auth'
import { useRealtimeStore } from './realtime'

/**
 * The signed-in user's unread message count (the header badge) and the `message` frames of their
 * user channel, shared by the Messages pages through `onMessage`. The count comes from the server
 * (GET /unread) at start, after each reconnect and whenever a page marks a thread read; a frame
 * from someone else raises it at once.
 */
export const useMessagesStore = defineStore('messages', () => {
  const auth = useAuthStore()
  const realtime = useRealtimeStore()
  const unreadCount = ref(0)
  const listeners = new Set<(frame: MessageFrame) => void>()
  let unsubscribe: (() => void) | null = null
  let unresync: (() => void) | null = null

  async function refresh(): Promise<void> {
    if (!auth.signedIn) {
      unreadCount.value = 0
      return
    }
    try {
      unreadCount.value = await fetchUnreadCount()
    } catch {
      // The badge keeps its last value; the next refresh tries again.
    }
  }

  function onFrame(message: RealtimeMessage): void {
    if (message.type !== 'message') return
    const frame = message.data as MessageFrame | undefined
    if (!frame || typeof frame.threadId !== 'string') return
    if (frame.senderId !== auth.user?.id) unreadCount.value++
    listeners.forEach((l) => l(frame))
  }

  /** Follows the user channel while someone is signed in (the header calls it once). */
  function start(): void {
    if (unsubscribe || !auth.signedIn) return
    unsubscribe = realtime.subscribe('user', onFrame)
    unresync = realtime.onResync(() => void refresh())
    void refresh()
  }

  function stop(): void {
    unsubscribe?.()
    unresync?.()
    unsubscribe = null
    unresync = null
    unreadCount.value = 0
  }

  watch(
    () => auth.user?.id,
    (now, before) => {
      if (now === before) return
      stop()
      if (now) start()
    },
  )

  /** Calls `listener` with every message frame until the returned function is called. */
  function onMessage(listener: (frame: MessageFrame) => void): () => void {
    start()
    listeners.add(listener)
    return () => listeners.delete(listener)
  }

  function setUnread(count: number): void {
    unreadCount.value = count
  }

  return { unreadCount, start, stop, refresh, onMessage, setUnread }
})
