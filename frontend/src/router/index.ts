import { createRouter, createWebHistory, type RouteLocationRaw, type Router } from 'vue-router'
import { useAuthStore } from '@/stores/auth'
import { routes, type RouteName } from './routes'

export type { RouteName }

/** A typed link: `to('withdrawal', { id })`. */
export function to(name: RouteName, params?: Record<string, string>, query?: Record<string, string>): RouteLocationRaw {
  return { name, params, query }
}

/** Only same-app paths are followed after sign-in (never another origin: no open redirect). */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}

/** Whether the account may see the admin console (the APIs check the role again). */
export function isAdmin(roles: readonly string[] | undefined | null): boolean {
  return !!roles?.includes('ADMIN')
}

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [...routes],
    // Within the results page (more results, a filter) the reader stays where they are.
    scrollBehavior: (to, from, saved) => saved ?? (to.name === 'search' && from.name === 'search' ? false : { top: 0 }),
  })

  router.beforeEach(async (target) => {
    const auth = useAuthStore()
    await auth.start(() => {
      const here = router.currentRoute.value
      if (here.meta.auth) void router.push({ name: 'sign-in', query: { returnTo: here.fullPath, expired: '1' } })
    })
    if (target.meta.auth && !auth.signedIn) return { name: 'sign-in', query: { returnTo: target.fullPath } }
    if (target.meta.guestOnly && auth.signedIn) return safeReturnPath(target.query.returnTo)
    if (target.meta.admin && !isAdmin(auth.user?.roles)) return { name: 'not-found', params: { pathMatch: target.path.slice(1).split('/') }, replace: true }
    return true
  })

  router.afterEach((target) => {
    document.title = target.meta.title && target.name !== 'home' ? `${target.meta.title} · DBay` : 'DBay'
  })
  return router
}
