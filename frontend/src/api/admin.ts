import { callApi } from './call'

/** The admin console's reuse of existing admin APIs (user-service accounts, wallet withdrawals). */
export interface AdminAccount {
  id: string
  email: string
  username: string
  displayName: string
  roles: string[]
  status: string
  memberSince?: string
}

export async function fetchAccounts(page = 0, size = 50): Promise<{ items: AdminAccount[]; total: number }> {
  return callApi(`/api/v1/user/admin/users?page=${page}&size=${size}`)
}

/** One account by id (user-service lets an admin, or its owner, read it). */
export function fetchAccount(id: string): Promise<AdminAccount> {
  return callApi(`/api/v1/user/users/${encodeURIComponent(id)}`)
}

export function suspendAccount(id: string, reason: string): Promise<AdminAccount> {
  return callApi(`/api/v1/user/admin/users/${encodeURIComponent(id)}/suspend`, { method: 'POST', body: JSON.stringify({ reason }) })
}

export function reinstateAccount(id: string): Promise<AdminAccount> {
  return callApi(`/api/v1/user/admin/users/${encodeURIComponent(id)}/reinstate`, { method: 'POST' })
}

export interface AdminWithdrawal {
  id: string
  status: string
  address: string
  amount: string
  feeReserve: string | null
  networkFee: string | null
  txid: string | null
  requestedAt: string
  rejectionReason: string | null
}

export function fetchWithdrawals(status: 'STUCK' | 'PENDING_APPROVAL'): Promise<AdminWithdrawal[]> {
  return callApi(`/api/v1/wallet/admin/withdrawals?status=${status}`)
}

export function approveWithdrawal(id: string): Promise<AdminWithdrawal> {
  return callApi(`/api/v1/wallet/admin/withdrawals/${encodeURIComponent(id)}/approve`, { method: 'POST' })
}

export function rejectWithdrawal(id: string, reason: string): Promise<AdminWithdrawal> {
  return callApi(`/api/v1/wallet/admin/withdrawals/${encodeURIComponent(id)}/reject`, { method: 'POST', body: JSON.stringify({ reason }) })
}
