import { describe, expect, it } from 'vitest'
import { amountProblem, compactDoge, formatDoge, parseDoge, parseSigned, toDecimalString } from './money'

describe('money', () => {
  it('parses decimal DOGE into exact koinu without floating point', () => {
    expect(parseDoge('12.5')).toBe(1_250_000_000n)
    expect(parseDoge('0.00000001')).toBe(1n)
    expect(parseDoge('92233720368.54775807')).toBe(9_223_372_036_854_775_807n)
    expect(parseDoge('0.1')! + parseDoge('0.2')!).toBe(parseDoge('0.3'))
  })

  it('refuses what is not a DOGE amount', () => {
    expect(parseDoge('1e3')).toBeNull()
    expect(parseDoge('1.123456789')).toBeNull()
    expect(parseDoge('-1')).toBeNull()
    expect(parseDoge('')).toBeNull()
  })

  it('explains why a typed amount is refused', () => {
    expect(amountProblem('')).toMatch(/Enter an amount/)
    expect(amountProblem('0')).toMatch(/more than zero/)
    expect(amountProblem('1.000000001')).toMatch(/8 decimal places/)
    expect(amountProblem('ten')).toMatch(/number/)
    expect(amountProblem('10')).toBeNull()
  })

  it('writes the API form with eight places', () => {
    expect(toDecimalString(1_000_000_000n)).toBe('10.00000000')
    expect(toDecimalString(-1n)).toBe('-0.00000001')
  })

  it('formats for people keeping every koinu', () => {
    expect(formatDoge('10000.50000000')).toBe('10,000.50')
    expect(formatDoge('0.00000001')).toBe('0.00000001')
    expect(formatDoge('-3.10000000')).toBe('−3.10')
    expect(formatDoge('3', { sign: true })).toBe('+3.00')
    expect(parseSigned('-0.5')).toBe(-50_000_000n)
  })

  it('writes an amount as its shortest exact decimal', () => {
    expect(compactDoge('100.00000000')).toBe('100')
    expect(compactDoge('12.50000000')).toBe('12.5')
    expect(compactDoge('0.00000001')).toBe('0.00000001')
    expect(compactDoge('abc')).toBe('abc')
  })
})
