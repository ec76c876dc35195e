import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import * as api from '@/api/notification'
import type { AppNotification } from '@/api/notification'
import type { RealtimeMessage } from '@/lib/realtime'
import { useAuthStore } from './auth'
import { useRealtimeStore } from './realtime'

/** How many notifications the bell's dropdown shows. */
export const RECENT = 8

/**
 * The signed-in user's unread count and newest notifications, for the bell. Filled from the API
 * when a user signs in and after every reconnect of the tab's one WebSocket (frames sent while it
 * was down are not replayed), and kept live by the `notification` frames on the `user` channel.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const auth = useAuthStore()
  const realtime = useRealtimeStore()
  const unreadCount = ref(0)
  const recent = ref<AppNotification[]>([])
  const error = ref<string | null>(null)
  let stop: Array<() => void> = []

  async function refresh(): Promise<void> {
    try {
      const page = await api.fetchNotifications(0, RECENT)
      recent.value = page.items
      unreadCount.value = page.unreadCount
      error.value = null
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e)
    }
  }

  /** A `notification` frame: newest first, the server's count wins. */
  function onFrame(message: RealtimeMessage): void {
    if (message.type !== 'notification') return
    const data = message.data as Partial<AppNotification> & { unreadCount?: number }
    if (!data?.id) return
    if (!recent.value.some((n) => n.id === data.id)) {
      const item: AppNotification = {
        id: data.id,
        kind: data.kind ?? '',
        title: data.title ?? '',
        body: data.body ?? '',
        link: data.link ?? null,
        createdAt: data.createdAt ?? new Date().toISOString(),
        unread: true,
      }
      recent.value = [item, ...recent.value].slice(0, RECENT)
    }
    if (typeof data.unreadCount === 'number') unreadCount.value = data.unreadCount
    else unreadCount.value += 1
  }

  function start(): void {
    if (stop.length > 0) return
    stop = [realtime.subscribe('user', onFrame), realtime.onResync(() => void refresh())]
    void refresh()
  }

  function end(): void {
    stop.forEach((s) => s())
    stop = []
    unreadCount.value = 0
    recent.value = []
  }

  /** Marks one read; `wasUnread` for one that is not among the recent ones (the full page's). */
  async function read(id: string, wasUnread = false): Promise<void> {
    const n = recent.value.find((x) => x.id === id)
    await api.markRead(id)
    if (n?.unread || (!n && wasUnread)) unreadCount.value = Math.max(0, unreadCount.value - 1)
    if (n) n.unread = false
  }

  async function readAll(): Promise<void> {
    const result = await api.markAllRead()
    recent.value.forEach((n) => (n.unread = false))
    unreadCount.value = result.unreadCount
  }

  watch(
    () => auth.user?.id,
    (now, before) => {
      if (now === before) return
      end()
      if (now) start()
    },
    { immediate: true },
  )

  return { unreadCount, recent, error, start, end, refresh, read, readAll, onFrame }
})
