import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { walletApi } from '@/api/client'
import { toApiError, unwrap, type ApiError } from '@/api/problem'
import type { Balance, Deposit, Withdrawal } from '@/api/types'
import { isNetwork, type Network } from '@/lib/dogeAddress'

/**
 * The signed-in user's wallet. Pending deposits and withdrawals in flight are followed by polling
 * (every 3 s while something moves, 15 s otherwise) until the WebSocket carries wallet events; the
 * page calls `follow()` on mount and the returned stop on unmount.
 */
export const useWalletStore = defineStore('wallet', () => {
  const balance = ref<Balance | null>(null)
  const address = ref<string | null>(null)
  const network = ref<Network>('regtest')
  const devFaucet = ref(false)
  const deposits = ref<Deposit[]>([])
  const withdrawals = ref<Withdrawal[]>([])
  const error = ref<ApiError | null>(null)
  const loaded = ref(false)

  const pendingDeposits = computed(() => deposits.value.filter((d) => d.status === 'PENDING'))
  const moving = computed(
    () => pendingDeposits.value.length > 0 || withdrawals.value.some((w) => !['COMPLETED', 'REJECTED'].includes(w.status ?? '')),
  )

  async function refresh(): Promise<void> {
    try {
      const [b, d, w] = await Promise.all([
        walletApi.GET('/api/v1/wallet/balance'),
        walletApi.GET('/api/v1/wallet/deposits', { params: { query: { limit: 20 } } }),
        walletApi.GET('/api/v1/wallet/withdrawals', { params: { query: { limit: 10 } } }),
      ])
      balance.value = unwrap(b)
      deposits.value = unwrap(d).items ?? []
      withdrawals.value = unwrap(w).items ?? []
      error.value = null
    } catch (e) {
      error.value = toApiError(e)
    }
  }

  async function loadAddress(): Promise<void> {
    const [a, c] = await Promise.all([walletApi.GET('/api/v1/wallet/deposit-address'), walletApi.GET('/api/v1/wallet/chain')])
    const addr = unwrap(a)
    address.value = addr.address ?? null
    if (isNetwork(addr.network)) network.value = addr.network
    devFaucet.value = unwrap(c).devFaucet ?? false
  }

  async function load(): Promise<void> {
    try {
      await Promise.all([refresh(), loadAddress()])
    } catch (e) {
      error.value = toApiError(e)
    } finally {
      loaded.value = true
    }
  }

  /** Asks the dev chain for test DOGE; the deposit then appears as pending and confirms block by block. */
  async function faucet(amount = '100'): Promise<void> {
    unwrap(await walletApi.POST('/api/v1/wallet/dev/faucet', { body: { amount } }))
    await refresh()
  }

  function follow(): () => void {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      if (stopped) return
      if (document.visibilityState !== 'hidden') await refresh()
      if (!stopped) timer = setTimeout(tick, moving.value ? 3_000 : 15_000)
    }
    timer = setTimeout(tick, 3_000)
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }

  function $reset(): void {
    balance.value = null
    address.value = null
    deposits.value = []
    withdrawals.value = []
    error.value = null
    loaded.value = false
  }

  return { balance, address, network, devFaucet, deposits, withdrawals, error, loaded, pendingDeposits, moving, load, refresh, faucet, follow, $reset }
})
