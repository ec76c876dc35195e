import { describe, expect, it } from 'vitest'
import { ApiError, unwrap } from './problem'

describe('problem+json answers', () => {
  it('become an ApiError whose message is the server detail', () => {
    const e = new ApiError(400, { type: 'https://dbay.dev/problems/invalid-address', detail: 'not a valid Dogecoin address' })
    expect(e.message).toBe('not a valid Dogecoin address')
    expect(e.code).toBe('invalid-address')
  })

  it('put list-shaped field errors by field name', () => {
    const e = new ApiError(400, { errors: [{ field: 'address', message: 'not a valid Dogecoin address' }] })
    expect(e.fieldErrors).toEqual({ address: 'not a valid Dogecoin address' })
  })

  it('put map-shaped field errors by field name', () => {
    const e = new ApiError(400, { errors: { password: 'must be at least 10 characters' } })
    expect(e.fieldErrors.password).toBe('must be at least 10 characters')
  })

  it('fall back to a sentence for the status when the body says nothing', () => {
    expect(new ApiError(503, undefined).detail).toMatch(/problem answering/)
  })

  it('unwrap returns data of a 2xx and throws the problem of a 4xx', () => {
    expect(unwrap({ data: { a: 1 }, response: new Response(null, { status: 200 }) })).toEqual({ a: 1 })
    expect(() => unwrap({ error: { detail: 'nope' }, response: new Response(null, { status: 409 }) })).toThrowError('nope')
  })
})
