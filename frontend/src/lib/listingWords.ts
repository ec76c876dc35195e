/** Small words about listings the pages share. */

/** "3d 4h left", "12m 5s left", "Ended": the time to an end, coarse when far, fine when near. */
export function timeLeft(endsAt: string | undefined | null, now: number = Date.now()): string {
  if (!endsAt) return ''
  const ms = new Date(endsAt).getTime() - now
  if (Number.isNaN(ms)) return ''
  if (ms <= 0) return 'Ended'
  const s = Math.floor(ms / 1000)
  const d = Math.floor(s / 86400)
  const h = Math.floor((s % 86400) / 3600)
  const m = Math.floor((s % 3600) / 60)
  if (d > 0) return `${d}d ${h}h left`
  if (h > 0) return `${h}h ${m}m left`
  return `${m}m ${s % 60}s left`
}

/**
 * Search highlights are HTML-escaped text in which only <em> marks matched words (the service's
 * contract). Anything else that looks like a tag is escaped again, so a broken promise shows as
 * text, never as markup.
 */
export function safeHighlight(html: string): string {
  return html.replace(/<(?!\/?em>)/g, '&lt;')
}

export const REGIONS: Record<string, string> = {
  worldwide: 'Worldwide',
  'north-america': 'North America',
  'south-america': 'South America',
  europe: 'Europe',
  asia: 'Asia',
  africa: 'Africa',
  oceania: 'Oceania',
  'middle-east': 'Middle East',
}

/** A ships-to region or country code in words ("DE" → "Germany" where the browser knows it). */
export function regionName(code: string): string {
  if (REGIONS[code]) return REGIONS[code]
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code
  } catch {
    return code
  }
}
