import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import FormField from './FormField.vue'

describe('FormField', () => {
  it('labels its input and ties the error to it for screen readers', async () => {
    const w = mount(FormField, { props: { label: 'Address', modelValue: '', error: 'not a valid Dogecoin address' } })
    const input = w.get('input')
    expect(w.get('label').attributes('for')).toBe(input.attributes('id'))
    expect(input.attributes('aria-invalid')).toBe('true')
    const errorId = input.attributes('aria-describedby')!
    expect(w.get(`#${errorId}`).text()).toBe('not a valid Dogecoin address')
  })

  it('updates its model as the user types', async () => {
    const w = mount(FormField, { props: { label: 'Amount', modelValue: '', 'onUpdate:modelValue': (v: string) => w.setProps({ modelValue: v }) } })
    await w.get('input').setValue('12.5')
    expect(w.props('modelValue')).toBe('12.5')
    expect(w.get('input').attributes('aria-invalid')).toBe('false')
  })
})
