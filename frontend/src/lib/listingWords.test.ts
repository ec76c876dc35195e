import { describe, expect, it } from 'vitest'
import { regionName, safeHighlight, timeLeft } from './listingWords'

describe('listing words', () => {
  const now = Date.parse('2026-01-01T00:00:00Z')
  it('says how long is left, coarser the further away the end', () => {
    expect(timeLeft('2026-01-03T05:30:00Z', now)).toBe('2d 5h left')
    expect(timeLeft('2026-01-01T03:07:00Z', now)).toBe('3h 7m left')
    expect(timeLeft('2026-01-01T00:04:09Z', now)).toBe('4m 9s left')
    expect(timeLeft('2025-12-31T23:59:59Z', now)).toBe('Ended')
    expect(timeLeft(undefined, now)).toBe('')
  })
  it('keeps only <em> of a highlight as markup', () => {
    expect(safeHighlight('a <em>brass</em> lamp')).toBe('a <em>brass</em> lamp')
    expect(safeHighlight('<img src=x onerror=alert(1)><em>x</em>')).toBe('&lt;img src=x onerror=alert(1)><em>x</em>')
  })
  it('names regions and countries', () => {
    expect(regionName('europe')).toBe('Europe')
    expect(regionName('DE')).toBe('Germany')
  })
})
