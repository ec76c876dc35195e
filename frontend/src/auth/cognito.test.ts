import { describe, expect, it, vi } from 'vitest'
import { CognitoTokens, type CognitoAuth } from './cognito'

function fakeAuth(idToken: string | undefined): CognitoAuth {
  return {
    fetchAuthSession: vi.fn(async () => ({ tokens: idToken ? { idToken: { toString: () => idToken } } : undefined })),
    signIn: vi.fn(async () => ({ isSignedIn: true })),
    signOut: vi.fn(async () => undefined),
  }
}

describe('Cognito mode', () => {
  it('sends the id token of the Amplify session', async () => {
    expect(await new CognitoTokens(fakeAuth('id.jwt.token')).accessToken()).toBe('id.jwt.token')
  })

  it('is signed out when Amplify has no tokens', async () => {
    expect(await new CognitoTokens(fakeAuth(undefined)).accessToken()).toBeNull()
  })

  it('forces a refresh after a 401', async () => {
    const auth = fakeAuth('id2')
    expect(await new CognitoTokens(auth).refreshAfterUnauthorized()).toBe(true)
    expect(auth.fetchAuthSession).toHaveBeenCalledWith({ forceRefresh: true })
  })

  it('reports a sign-in that needs another step instead of pretending success', async () => {
    const auth = fakeAuth('x')
    auth.signIn = vi.fn(async () => ({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } }))
    await expect(new CognitoTokens(auth).signIn('bob', 'pw')).rejects.toThrow(/CONFIRM_SIGN_UP/)
  })
})
