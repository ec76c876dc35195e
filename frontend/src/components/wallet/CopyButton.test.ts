import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import CopyButton from './CopyButton.vue'

describe('CopyButton', () => {
  it('copies the address and says so', async () => {
    const writeText = vi.fn(async () => undefined)
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    const w = mount(CopyButton, { props: { text: 'nXYZ', label: 'Copy address' } })
    await w.get('button').trigger('click')
    await flushPromises()
    expect(writeText).toHaveBeenCalledWith('nXYZ')
    expect(w.get('[role=status]').text()).toBe('Copied')
  })
})
