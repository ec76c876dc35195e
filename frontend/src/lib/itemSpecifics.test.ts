import { describe, expect, it } from 'vitest'
import type { ItemSpecific } from '@/api/types'
import { specificProblem, specificsProblems, specificsToSend } from './itemSpecifics'

const brand: ItemSpecific = { name: 'Brand', type: 'ENUM', requirement: 'REQUIRED', allowedValues: ['Apple', 'Samsung'] }
const size: ItemSpecific = { name: 'Size', type: 'NUMBER', requirement: 'OPTIONAL', allowedValues: [], unit: 'in' }
const boxed: ItemSpecific = { name: 'Boxed', type: 'BOOLEAN', requirement: 'RECOMMENDED', allowedValues: [] }
const notes: ItemSpecific = { name: 'Notes', type: 'TEXT', requirement: 'OPTIONAL', allowedValues: [] }

describe('item specifics rules', () => {
  it('requires a required field and nothing else', () => {
    expect(specificProblem(brand, '  ')).toMatch(/required/)
    expect(specificProblem(size, '')).toBeNull()
    expect(specificProblem(boxed, undefined)).toBeNull()
  })

  it('takes an allowed enum value in any case, like the server', () => {
    expect(specificProblem(brand, 'apple')).toBeNull()
    expect(specificProblem(brand, 'Nokia')).toBe('Choose one of Apple, Samsung.')
  })

  it('takes non-negative decimal numbers only', () => {
    expect(specificProblem(size, '6.1')).toBeNull()
    expect(specificProblem(size, '-1')).toMatch(/number/)
    expect(specificProblem(size, '1e3')).toMatch(/number/)
    expect(specificProblem(size, '1234567890123')).toBe('At most 12 digits.')
  })

  it('takes true or false for yes/no and at most 120 characters of text', () => {
    expect(specificProblem(boxed, 'yes')).toBe('Choose yes or no.')
    expect(specificProblem(boxed, 'false')).toBeNull()
    expect(specificProblem(notes, 'x'.repeat(121))).toMatch(/120/)
  })

  it('keys problems like the server and sends only filled-in fields of the category', () => {
    expect(specificsProblems([brand, size], { Size: 'big' })).toEqual({
      'itemSpecifics.Brand': 'Brand is required for this category.',
      'itemSpecifics.Size': 'Enter a number (in in), such as 6.1.',
    })
    expect(specificsToSend([brand, size], { Brand: ' Apple ', Size: '', Colour: 'red' })).toEqual({ Brand: 'Apple' })
  })
})
