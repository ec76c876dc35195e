import type { RouteRecordRaw } from 'vue-router'

/**
 * Every page of the app, each loaded on first visit (lazy chunks keep the first load small).
 * Route names are typed (RouteName): `router.push({ name: 'wallet' })` is checked by the compiler.
 * A feature adds its pages here; `meta.auth` pages send a signed-out visitor to sign in and back.
 */
export const routes = [
  { path: '/', name: 'home', component: () => import('@/views/HomeView.vue'), meta: { title: 'DBay' } },
  { path: '/sign-in', name: 'sign-in', component: () => import('@/views/SignInView.vue'), meta: { title: 'Sign in', guestOnly: true } },
  { path: '/sign-up', name: 'sign-up', component: () => import('@/views/SignUpView.vue'), meta: { title: 'Create your account', guestOnly: true } },
  { path: '/account', name: 'account', component: () => import('@/views/AccountView.vue'), meta: { title: 'My profile', auth: true } },
  { path: '/users/:username', name: 'profile', component: () => import('@/views/ProfileView.vue'), meta: { title: 'Profile' } },
  { path: '/wallet', name: 'wallet', component: () => import('@/views/wallet/WalletView.vue'), meta: { title: 'Wallet', auth: true } },
  { path: '/wallet/statement', name: 'statement', component: () => import('@/views/wallet/StatementView.vue'), meta: { title: 'Statement', auth: true } },
  { path: '/wallet/withdraw', name: 'withdraw', component: () => import('@/views/wallet/WithdrawView.vue'), meta: { title: 'Withdraw DOGE', auth: true } },
  {
    path: '/wallet/withdrawals/:id',
    name: 'withdrawal',
    component: () => import('@/views/wallet/WithdrawalView.vue'),
    meta: { title: 'Withdrawal', auth: true },
  },
  { path: '/search', name: 'search', component: () => import('@/views/search/SearchView.vue'), meta: { title: 'Search' } },
  { path: '/listings/:id', name: 'listing', component: () => import('@/views/listing/ListingView.vue'), meta: { title: 'Listing' } },
  { path: '/watchlist', name: 'watchlist', component: () => import('@/views/listing/WatchlistView.vue'), meta: { title: 'Watchlist', auth: true } },
  {
    path: '/saved-searches',
    name: 'saved-searches',
    component: () => import('@/views/search/SavedSearchesView.vue'),
    meta: { title: 'Saved searches', auth: true },
  },
  { path: '/sell', name: 'sell', component: () => import('@/views/sell/SellView.vue'), meta: { title: 'Sell an item', auth: true } },
  { path: '/my/listings', name: 'my-listings', component: () => import('@/views/sell/MyListingsView.vue'), meta: { title: 'My listings', auth: true } },
  {
    path: '/my/listings/:id/edit',
    name: 'edit-listing',
    component: () => import('@/views/sell/SellView.vue'),
    meta: { title: 'Edit listing', auth: true },
  },
  {
    path: '/auctions/:listingId',
    name: 'auction',
    component: () => import('@/views/auction/AuctionView.vue'),
    meta: { title: 'Auction' },
  },
  { path: '/my/bids', name: 'my-bids', component: () => import('@/views/auction/MyBidsView.vue'), meta: { title: 'My bids', auth: true } },
  { path: '/messages', name: 'messages', component: () => import('@/views/messaging/MessagesView.vue'), meta: { title: 'Messages', auth: true } },
  {
    path: '/messages/:threadId',
    name: 'message-thread',
    component: () => import('@/views/messaging/ThreadView.vue'),
    meta: { title: 'Conversation', auth: true },
  },
  { path: '/orders', name: 'orders', component: () => import('@/views/orders/OrdersView.vue'), meta: { title: 'Orders', auth: true } },
  { path: '/orders/:id', name: 'order', component: () => import('@/views/orders/OrderView.vue'), meta: { title: 'Order', auth: true } },
  { path: '/offers', name: 'offers', component: () => import('@/views/offers/OffersView.vue'), meta: { title: 'Offers', auth: true } },
  { path: '/checkout/:listingId', name: 'checkout', component: () => import('@/views/checkout/CheckoutView.vue'), meta: { title: 'Checkout', auth: true } },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('@/views/notifications/NotificationsView.vue'),
    meta: { title: 'Notifications', auth: true },
  },
  {
    path: '/settings/notifications',
    name: 'notification-settings',
    component: () => import('@/views/notifications/NotificationSettingsView.vue'),
    meta: { title: 'Notification settings', auth: true },
  },
  // The admin console (#14): ADMIN only, hidden from others (the guard answers Not found) and refused by the APIs.
  { path: '/admin', name: 'admin', component: () => import('@/views/admin/AdminHomeView.vue'), meta: { title: 'Admin console', auth: true, admin: true } },
  { path: '/admin/disputes', name: 'admin-disputes', component: () => import('@/views/admin/AdminDisputesView.vue'), meta: { title: 'Disputes', auth: true, admin: true } },
  { path: '/admin/disputes/:id', name: 'admin-dispute', component: () => import('@/views/admin/AdminDisputeView.vue'), meta: { title: 'Dispute', auth: true, admin: true } },
  { path: '/admin/users', name: 'admin-users', component: () => import('@/views/admin/AdminUsersView.vue'), meta: { title: 'Users', auth: true, admin: true } },
  { path: '/admin/withdrawals', name: 'admin-withdrawals', component: () => import('@/views/admin/AdminWithdrawalsView.vue'), meta: { title: 'Withdrawals', auth: true, admin: true } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: () => import('@/views/NotFoundView.vue'), meta: { title: 'Not found' } },
] as const satisfies readonly RouteRecordRaw[]

export type RouteName = (typeof routes)[number]['name']

declare module 'vue-router' {
  interface RouteMeta {
    title?: string
    /** Only for signed-in users: others go to sign in, then come back. */
    auth?: boolean
    /** Sign in / sign up: a signed-in user goes on to where they were headed. */
    guestOnly?: boolean
    /** The admin console: for the ADMIN role only; anyone else is shown Not found. */
    admin?: boolean
  }
}
