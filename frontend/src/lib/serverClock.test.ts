import { describe, expect, it } from 'vitest'
import { formatTimeLeft, ServerClock } from './serverClock'

describe('the server clock', () => {
  it('counts down against the server time, not the browser clock', () => {
    // The browser's clock is 10 minutes fast.
    let local = Date.parse('2026-12-03T12:10:00Z')
    const clock = new ServerClock(() => local)
    clock.observe('2026-12-03T12:00:00Z')
    expect(clock.msUntil('2026-12-03T12:05:00Z')).toBe(5 * 60_000)
    local += 60_000
    expect(clock.msUntil('2026-12-03T12:05:00Z')).toBe(4 * 60_000)
  })

  it('takes the newest sample, so a corrected server clock moves the countdown', () => {
    let local = 1_000_000
    const clock = new ServerClock(() => local)
    clock.observe(new Date(local + 5_000).toISOString())
    expect(clock.offset).toBe(5_000)
    local += 1_000
    clock.observe(new Date(local - 2_000).toISOString())
    expect(clock.offset).toBe(-2_000)
  })

  it('ignores a missing or unreadable server time and never counts below zero', () => {
    const clock = new ServerClock(() => 50_000)
    clock.observe(undefined)
    clock.observe('not a time')
    expect(clock.isSynced).toBe(false)
    expect(clock.msUntil(new Date(10_000).toISOString())).toBe(0)
  })

  it('writes the time left the way people read it', () => {
    expect(formatTimeLeft(2 * 86_400_000 + 4 * 3_600_000)).toBe('2d 4h')
    expect(formatTimeLeft(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m')
    expect(formatTimeLeft(4 * 60_000 + 9_000)).toBe('4m 09s')
    expect(formatTimeLeft(9_999)).toBe('9s')
  })
})
