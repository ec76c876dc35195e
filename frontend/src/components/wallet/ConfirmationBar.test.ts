import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ConfirmationBar from './ConfirmationBar.vue'

describe('ConfirmationBar', () => {
  it('shows the confirmations so far out of those required, to people and to screen readers', () => {
    const w = mount(ConfirmationBar, { props: { confirmations: 2, required: 6 } })
    const bar = w.get('[role=progressbar]')
    expect(bar.attributes('aria-valuenow')).toBe('2')
    expect(bar.attributes('aria-valuemax')).toBe('6')
    expect(w.text()).toContain('2 of 6 confirmations')
    expect(bar.get('div').attributes('style')).toContain('width: 33%')
  })

  it('moves when a block confirms the deposit further', async () => {
    const w = mount(ConfirmationBar, { props: { confirmations: 5, required: 6 } })
    await w.setProps({ confirmations: 6 })
    expect(w.get('[role=progressbar] div').attributes('style')).toContain('width: 100%')
  })
})
