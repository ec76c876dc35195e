import { defineStore } from 'pinia'
import { ref } from 'vue'
import { newIdempotencyKey, orderApi } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { Order } from '@/api/types'

/**
 * The signed-in user's orders (buying and selling lists, the open order) and its steps. Each step
 * that changes an order is sent with an Idempotency-Key made once per intended action: a retry of
 * the same click repeats the first answer rather than asking twice.
 */
export const useOrdersStore = defineStore('orders', () => {
  const lists = ref<Record<'buyer' | 'seller', Order[] | null>>({ buyer: null, seller: null })
  const current = ref<Order | null>(null)

  async function loadList(role: 'buyer' | 'seller'): Promise<void> {
    const page = unwrap(await orderApi.GET('/api/v1/order/orders', { params: { query: { role } } }))
    lists.value = { ...lists.value, [role]: page.items ?? [] }
  }

  async function load(orderId: string): Promise<Order> {
    current.value = unwrap(await orderApi.GET('/api/v1/order/orders/{orderId}', { params: { path: { orderId } } }))
    return current.value
  }

  function keyed(key: string | undefined) {
    return { 'Idempotency-Key': key ?? newIdempotencyKey() }
  }

  async function ship(orderId: string, carrier: string, trackingNumber: string, key?: string): Promise<Order> {
    current.value = unwrap(
      await orderApi.POST('/api/v1/order/orders/{orderId}/ship', {
        params: { path: { orderId }, header: keyed(key) },
        body: { carrier, trackingNumber },
      }),
    )
    return current.value
  }

  async function confirmReceipt(orderId: string, key?: string): Promise<Order> {
    current.value = unwrap(
      await orderApi.POST('/api/v1/order/orders/{orderId}/confirm-receipt', { params: { path: { orderId }, header: keyed(key) } }),
    )
    return current.value
  }

  async function cancel(orderId: string, key?: string): Promise<Order> {
    current.value = unwrap(await orderApi.POST('/api/v1/order/orders/{orderId}/cancel', { params: { path: { orderId }, header: keyed(key) } }))
    return current.value
  }

  function $reset(): void {
    lists.value = { buyer: null, seller: null }
    current.value = null
  }

  return { lists, current, loadList, load, ship, confirmReceipt, cancel, $reset }
})
