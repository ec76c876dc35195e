/*
 * DBay's service worker: browser push only (no caching, no offline). notification-service sends each
 * push encrypted for this browser (RFC 8291); the browser decrypts it and hands us the JSON
 * {title, body, link, kind}. We show it, and a click opens (or focuses) the link on this site.
 */
self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

/** What a push carries, made safe to show: text only, and a link that stays on this site. */
function parse(data) {
  let message = {}
  try {
    message = data ? data.json() : {}
  } catch {
    message = { body: data ? data.text() : '' }
  }
  const text = (v, max) => (typeof v === 'string' ? v.slice(0, max) : '')
  let link = '/notifications'
  try {
    const url = new URL(typeof message.link === 'string' && message.link ? message.link : '/notifications', self.location.origin)
    if (url.origin === self.location.origin) link = url.pathname + url.search + url.hash
  } catch {
    // keep /notifications
  }
  return { title: text(message.title, 120) || 'DBay', body: text(message.body, 300), link, kind: text(message.kind, 40) }
}

self.addEventListener('push', (event) => {
  const m = parse(event.data)
  event.waitUntil(
    self.registration.showNotification(m.title, {
      body: m.body,
      icon: '/favicon.svg',
      tag: m.kind ? `dbay-${m.kind}-${m.link}` : undefined,
      data: { link: m.link },
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const link = (event.notification.data && event.notification.data.link) || '/notifications'
  const target = new URL(link, self.location.origin).href
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const w of windows) {
        if (new URL(w.url).origin === self.location.origin && 'navigate' in w) {
          return w.focus().then(() => w.navigate(target))
        }
      }
      return self.clients.openWindow(target)
    }),
  )
})

// Exposed for the unit test (src/lib/pushWorker.test.ts), which runs this file in a fake worker scope.
self.__dbayPush = { parse }
