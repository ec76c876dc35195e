import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ItemSpecificsForm from './ItemSpecificsForm.vue'
import type { ItemSpecific } from '@/api/types'

const PHONES: ItemSpecific[] = [
  { name: 'Brand', type: 'ENUM', requirement: 'REQUIRED', allowedValues: ['Apple', 'Samsung', 'Google'] },
  { name: 'Model', type: 'TEXT', requirement: 'RECOMMENDED', allowedValues: [] },
  { name: 'Screen Size', type: 'NUMBER', requirement: 'OPTIONAL', allowedValues: [], unit: 'in' },
  { name: 'Unlocked', type: 'BOOLEAN', requirement: 'REQUIRED', allowedValues: [] },
]

function mountForm(values: Record<string, string> = {}, errors: Record<string, string> = {}) {
  const w = mount(ItemSpecificsForm, {
    props: {
      specifics: PHONES,
      errors,
      modelValue: values,
      'onUpdate:modelValue': (v: Record<string, string>) => w.setProps({ modelValue: v }),
    },
  })
  return w
}
const field = (w: ReturnType<typeof mountForm>, name: string) => w.get(`[data-specific="${name}"]`)

describe('ItemSpecificsForm', () => {
  it('generates a control per field from its type: a select for enums and yes/no, text with its unit for numbers', () => {
    const w = mountForm()
    const brand = field(w, 'Brand').get('select')
    expect(brand.findAll('option').map((o) => o.text())).toEqual(['Choose…', 'Apple', 'Samsung', 'Google'])
    expect(field(w, 'Unlocked').findAll('option').map((o) => o.attributes('value'))).toEqual(['', 'true', 'false'])
    expect(field(w, 'Model').find('input').exists()).toBe(true)
    const size = field(w, 'Screen Size').get('input')
    expect(size.attributes('inputmode')).toBe('decimal')
    expect(w.get(`#${size.attributes('aria-describedby')}`).text()).toBe('in')
  })

  it('labels every control and marks required fields for eyes and screen readers, recommended ones with a badge', () => {
    const w = mountForm()
    for (const spec of PHONES) {
      const f = field(w, spec.name!)
      const control = f.find('select').exists() ? f.get('select') : f.get('input')
      expect(f.get('label').attributes('for')).toBe(control.attributes('id'))
    }
    expect(field(w, 'Brand').get('label').text()).toContain('(required)')
    expect(field(w, 'Brand').get('select').attributes('required')).toBeDefined()
    expect(field(w, 'Model').get('label').text()).toContain('Recommended')
    expect(field(w, 'Screen Size').get('label').text()).not.toMatch(/required|Recommended/)
  })

  it('names a required field left empty once the seller leaves it', async () => {
    const w = mountForm()
    const brand = field(w, 'Brand').get('select')
    expect(brand.attributes('aria-invalid')).toBe('false')
    await brand.trigger('blur')
    expect(brand.attributes('aria-invalid')).toBe('true')
    expect(field(w, 'Brand').get('[data-field-error]').text()).toBe('Brand is required for this category.')
    // An optional field left empty is fine.
    await field(w, 'Screen Size').get('input').trigger('blur')
    expect(field(w, 'Screen Size').find('[data-field-error]').exists()).toBe(false)
  })

  it('refuses a number that is not one and accepts it once corrected', async () => {
    const w = mountForm()
    const size = field(w, 'Screen Size').get('input')
    await size.setValue('six')
    await size.trigger('blur')
    expect(field(w, 'Screen Size').get('[data-field-error]').text()).toBe('Enter a number (in in), such as 6.1.')
    await size.setValue('6.1')
    expect(field(w, 'Screen Size').find('[data-field-error]').exists()).toBe(false)
    expect(w.props('modelValue')).toEqual({ 'Screen Size': '6.1' })
  })

  it('keeps the chosen values in its model', async () => {
    const w = mountForm({ Model: 'Pixel 9' })
    await field(w, 'Brand').get('select').setValue('Google')
    await field(w, 'Unlocked').get('select').setValue('true')
    expect(w.props('modelValue')).toEqual({ Model: 'Pixel 9', Brand: 'Google', Unlocked: 'true' })
  })

  it("shows the server's message next to the field it names", () => {
    const w = mountForm({}, { 'itemSpecifics.Unlocked': 'is required for Cell Phones' })
    expect(field(w, 'Unlocked').get('select').attributes('aria-invalid')).toBe('true')
    expect(field(w, 'Unlocked').get('[data-field-error]').text()).toBe('is required for Cell Phones')
    expect(field(w, 'Brand').find('[data-field-error]').exists()).toBe(false)
  })
})
