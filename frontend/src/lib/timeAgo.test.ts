import { describe, expect, it } from 'vitest'
import { timeAgo } from './timeAgo'

describe('timeAgo', () => {
  const now = Date.parse('2026-12-03T12:00:00Z')
  it('says how long ago in the largest whole unit', () => {
    expect(timeAgo('2026-12-03T11:59:30Z', now)).toBe('just now')
    expect(timeAgo('2026-12-03T11:55:00Z', now)).toBe('5 min ago')
    expect(timeAgo('2026-12-03T09:00:00Z', now)).toBe('3 h ago')
    expect(timeAgo('2026-12-01T12:00:00Z', now)).toBe('2 d ago')
  })
  it('shows a date beyond a week, and nothing for what is not a time', () => {
    expect(timeAgo('2026-11-01T12:00:00Z', now)).not.toContain('ago')
    expect(timeAgo('nonsense', now)).toBe('')
  })
  it('never says a time in the future is ago', () => {
    expect(timeAgo('2026-12-03T12:05:00Z', now)).toBe('just now')
  })
})
