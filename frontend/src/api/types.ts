import type { components as UserSchemas } from './schema/user'
import type { components as WalletSchemas } from './schema/wallet'
import type { components as ListingSchemas } from './schema/listing'
import type { components as SearchSchemas } from './schema/search'
import type { components as OrderSchemas } from './schema/order'

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
export type CategoryNode = ListingSchemas['schemas']['CategoryNode']
export type Category = ListingSchemas['schemas']['Category']
export type ItemSpecific = ListingSchemas['schemas']['ItemSpecific']
export type ListingForm = ListingSchemas['schemas']['ListingForm']
export type ListingView = ListingSchemas['schemas']['ListingView']
export type ListingSummary = ListingSchemas['schemas']['ListingSummary']
export type PhotoView = ListingSchemas['schemas']['PhotoView']
export type Listing = ListingSchemas['schemas']['ListingView']
export type Question = ListingSchemas['schemas']['QuestionView']
export type Photo = ListingSchemas['schemas']['PhotoView']
export type SearchResults = SearchSchemas['schemas']['SearchResults']
export type SearchHit = SearchSchemas['schemas']['Item']
export type SearchFacets = SearchSchemas['schemas']['Facets']
export type SearchCategoryCount = SearchSchemas['schemas']['CategoryCount']
export type SavedSearch = SearchSchemas['schemas']['SavedSearchView']
export type Order = OrderSchemas['schemas']['OrderView']
