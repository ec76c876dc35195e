import { describe, expect, it, vi } from 'vitest'
import { useForm } from './useForm'
import { ApiError } from '@/api/problem'

describe('useForm', () => {
  it('sends nothing while a field is wrong', async () => {
    const form = useForm(['amount'] as const)
    const send = vi.fn()
    expect(await form.submit(() => ({ amount: 'Enter an amount.' }), send)).toBe(false)
    expect(send).not.toHaveBeenCalled()
    expect(form.errors.amount).toBe('Enter an amount.')
  })

  it('puts the server field errors next to their fields', async () => {
    const form = useForm(['address', 'amount'] as const)
    await form.submit(
      () => ({}),
      async () => {
        throw new ApiError(400, { detail: 'not a valid Dogecoin address', errors: [{ field: 'address', message: 'not a valid Dogecoin address' }] })
      },
    )
    expect(form.errors.address).toBe('not a valid Dogecoin address')
    expect(form.errors.amount).toBeNull()
    expect(form.formError.value).toMatch(/correct the fields/)
  })

  it('shows the detail of a problem that names no field', async () => {
    const form = useForm(['amount'] as const)
    await form.submit(
      () => ({}),
      async () => {
        throw new ApiError(409, { detail: 'insufficient available balance' })
      },
    )
    expect(form.formError.value).toBe('insufficient available balance')
  })
})
