import { credentialsApi } from '@/api/client'
import { unwrap } from '@/api/problem'
import { LocalTokens, type TokenPair, type TokenSource } from './tokens'

/**
 * How the app signs in: user-service's own tokens (default), or a Cognito user pool when built
 * with VITE_USE_COGNITO=true. The Cognito code and AWS Amplify are loaded only in that mode.
 */
export interface AuthBackend {
  tokens: TokenSource
  hasSession(): boolean
  signIn(username: string, password: string): Promise<void>
  signOut(): Promise<void>
}

export const useCognito = import.meta.env.VITE_USE_COGNITO === 'true'

function asPair(p: { accessToken?: string; refreshToken?: string; expiresIn?: number }): TokenPair {
  if (!p.accessToken || !p.refreshToken) throw new Error('the sign-in answer carried no tokens')
  return { accessToken: p.accessToken, refreshToken: p.refreshToken, expiresIn: p.expiresIn ?? 900 }
}

export function localBackend(): AuthBackend {
  const tokens = new LocalTokens(
    async (refreshToken) => asPair(unwrap(await credentialsApi.POST('/api/v1/user/token/refresh', { body: { refreshToken } }))),
    async (refreshToken) => {
      await credentialsApi.POST('/api/v1/user/logout', { body: { refreshToken } })
    },
  )
  return {
    tokens,
    hasSession: () => tokens.hasSession,
    async signIn(username, password) {
      tokens.accept(asPair(unwrap(await credentialsApi.POST('/api/v1/user/login/', { body: { username, password } }))))
    },
    signOut: () => tokens.signOut(),
  }
}

export async function createBackend(): Promise<AuthBackend> {
  if (!useCognito) return localBackend()
  const { loadCognito } = await import('./cognito')
  const cognito = await loadCognito(import.meta.env)
  let signedIn = (await cognito.accessToken().catch(() => null)) !== null
  return {
    tokens: cognito,
    hasSession: () => signedIn,
    async signIn(username, password) {
      await cognito.signIn(username, password)
      signedIn = true
    },
    async signOut() {
      signedIn = false
      await cognito.signOut()
    },
  }
}
