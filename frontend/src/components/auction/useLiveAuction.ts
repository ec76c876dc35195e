import { computed, onBeforeUnmount, ref, shallowRef, watch, type Ref } from 'vue'
import { fetchAuction, fetchBids, type AuctionSnapshot, type PublicBid } from '@/api/auction'
import { toApiError, type ApiError } from '@/api/problem'
import type { RealtimeMessage } from '@/lib/realtime'
import { ServerClock } from '@/lib/serverClock'
import { useAuthStore } from '@/stores/auth'
import { useRealtimeStore } from '@/stores/realtime'
import { applyFrame, emptyLive, isEnded, mergeSnapshot, viewerOf, type LiveAuction } from './liveAuction'

/** How long after a frame the panel refetches (the viewer block and history are not in frames). */
export const REFETCH_DELAY_MS = 150
/** While the WebSocket is down the panel polls instead, this often. */
export const POLL_WITHOUT_SOCKET_MS = 5_000
/**
 * With the socket open it still refreshes this often: Redis pub/sub delivers at most once, so a
 * frame lost on the way would otherwise leave the page stale until the next one.
 */
export const REFRESH_WITH_SOCKET_MS = 15_000

/**
 * One auction, live: the GET answer, merged with the frames of `auction:<id>` and the viewer's own
 * `bid.outbid` frames; a refetch after each frame (debounced), after a reconnect, and while the
 * countdown is at zero but the end has not been announced yet. Time left is by the server's clock.
 */
export function useLiveAuction(listingId: Ref<string>) {
  const auth = useAuthStore()
  const realtime = useRealtimeStore()
  const clock = new ServerClock()
  const live = shallowRef<LiveAuction>(emptyLive())
  const history = ref<PublicBid[]>([])
  const error = ref<ApiError | null>(null)
  const loading = ref(false)
  const serverNow = ref(Date.now())
  let refetchTimer: ReturnType<typeof setTimeout> | undefined
  let lastLoadAt = 0

  async function load(): Promise<void> {
    const id = listingId.value
    lastLoadAt = Date.now()
    loading.value = true
    try {
      const [snapshot, bids] = await Promise.all([fetchAuction(id), fetchBids(id).catch(() => null)])
      // A late answer for the auction shown before is dropped; answers for this one merge safely.
      if (id !== listingId.value) return
      accept(snapshot)
      if (bids) history.value = bids
      error.value = null
    } catch (e) {
      if (id === listingId.value) error.value = toApiError(e)
    } finally {
      loading.value = false
    }
  }

  function accept(snapshot: AuctionSnapshot): void {
    clock.observe(snapshot.serverTime)
    live.value = mergeSnapshot(live.value, snapshot)
    serverNow.value = clock.now()
  }

  /** Merges a frame at once (the price moves without waiting), then refetches what frames lack. */
  function onFrame(frame: RealtimeMessage): void {
    const data = frame.data as Record<string, unknown> | undefined
    if (typeof data?.serverTime === 'string') clock.observe(data.serverTime)
    const next = applyFrame(live.value, listingId.value, frame)
    if (next === live.value) return
    live.value = next
    clearTimeout(refetchTimer)
    refetchTimer = setTimeout(() => void load(), REFETCH_DELAY_MS)
  }

  const tick = setInterval(() => {
    serverNow.value = clock.now()
    // At zero without an end frame (the closer may take a moment, or the frame was missed): ask.
    const s = live.value.snapshot
    if (s && !isEnded(s.status) && !live.value.result && clock.msUntil(s.endsAt) === 0 && !loading.value) {
      if (Date.now() - lastLoadAt >= 2_000) void load()
    } else if (s && !live.value.result && !loading.value) {
      const every = realtime.state === 'open' ? REFRESH_WITH_SOCKET_MS : POLL_WITHOUT_SOCKET_MS
      if (Date.now() - lastLoadAt >= every) void load()
    }
  }, 250)

  let unsubscribe: Array<() => void> = []
  function follow(id: string): void {
    unsubscribe.forEach((u) => u())
    unsubscribe = [realtime.subscribe(`auction:${id}`, onFrame), realtime.onResync(() => void load())]
    if (auth.signedIn) unsubscribe.push(realtime.subscribe('user', onFrame))
  }

  watch(
    listingId,
    (id) => {
      live.value = emptyLive()
      history.value = []
      follow(id)
      void load()
    },
    { immediate: true },
  )
  // Signing in or out changes the viewer block and whether the user channel can be followed.
  watch(
    () => auth.user?.id,
    () => {
      follow(listingId.value)
      void load()
    },
  )

  onBeforeUnmount(() => {
    clearInterval(tick)
    clearTimeout(refetchTimer)
    unsubscribe.forEach((u) => u())
  })

  const snapshot = computed(() => live.value.snapshot)
  const viewer = computed(() => viewerOf(live.value.snapshot))
  const msLeft = computed(() => {
    const s = live.value.snapshot
    if (!s) return 0
    const t = Date.parse(s.endsAt)
    return Number.isNaN(t) ? 0 : Math.max(0, t - serverNow.value)
  })
  const ended = computed(() => !!live.value.result || isEnded(live.value.snapshot?.status))

  return { live, snapshot, viewer, history, error, loading, msLeft, ended, serverNow, clock, load, accept, onFrame, realtimeState: computed(() => realtime.state) }
}
