import type { components as UserSchemas } from './schema/user'
import type { components as WalletSchemas } from './schema/wallet'

// Names for the generated shapes the pages use (never hand-written request or response types).
export type Account = UserSchemas['schemas']['AccountView']
export type PublicProfile = UserSchemas['schemas']['PublicProfile']
export type Registration = UserSchemas['schemas']['Registration']
export type ProfileUpdate = UserSchemas['schemas']['ProfileUpdate']
export type Balance = WalletSchemas['schemas']['BalanceResponse']
export type Deposit = WalletSchemas['schemas']['DepositItem']
export type StatementItem = WalletSchemas['schemas']['StatementItem']
export type Withdrawal = WalletSchemas['schemas']['WithdrawalResponse']
export type WithdrawalLimits = WalletSchemas['schemas']['WithdrawalLimitsResponse']
