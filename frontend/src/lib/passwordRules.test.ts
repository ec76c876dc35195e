import { describe, expect, it } from 'vitest'
import { passwordProblem, passwordRules } from './passwordRules'

describe('the password rules shown at sign-up', () => {
  it('follow the server policy: length, variety, not the username or email', () => {
    expect(passwordProblem('short', 'bob', 'bob@x.io')).toMatch(/at least 10 characters/)
    expect(passwordProblem('aaaaaaaaaaaa', 'bob', 'bob@x.io')).toMatch(/different characters/)
    expect(passwordProblem('my-bobby-secret', 'bobby', 'z@x.io')).toMatch(/username/)
    expect(passwordProblem('correct horse battery', 'carol', 'carol@x.io')).toBeNull()
  })

  it('count bytes, not characters, against the 72-byte limit', () => {
    const rules = passwordRules('ü'.repeat(40), 'bob', 'bob@x.io')
    expect(rules.find((r) => r.text.startsWith('At most'))!.ok).toBe(false)
  })
})
