import type { TokenSource } from './tokens'

/**
 * Cognito mode (VITE_USE_COGNITO=true, the AWS deployment): AWS Amplify signs in against the user
 * pool and keeps its tokens; requests carry the *id* token, which is what the Lambda authorizer and
 * the gateway's cognito mode validate. This module and Amplify are imported only in that mode, so
 * the local build's bundle does not carry them.
 */
export interface CognitoAuth {
  fetchAuthSession(options?: { forceRefresh?: boolean }): Promise<{ tokens?: { idToken?: { toString(): string } } }>
  signIn(input: { username: string; password: string }): Promise<{ isSignedIn: boolean; nextStep?: { signInStep?: string } }>
  signOut(): Promise<void>
}

export class CognitoTokens implements TokenSource {
  constructor(private readonly auth: CognitoAuth) {}

  async accessToken(): Promise<string | null> {
    const session = await this.auth.fetchAuthSession()
    return session.tokens?.idToken?.toString() ?? null
  }

  async refreshAfterUnauthorized(): Promise<boolean> {
    try {
      const session = await this.auth.fetchAuthSession({ forceRefresh: true })
      return Boolean(session.tokens?.idToken)
    } catch {
      return false
    }
  }

  async signIn(username: string, password: string): Promise<void> {
    const result = await this.auth.signIn({ username, password })
    if (!result.isSignedIn) throw new Error(`Cognito needs another step: ${result.nextStep?.signInStep ?? 'unknown'}`)
  }

  signOut(): Promise<void> {
    return this.auth.signOut()
  }
}

/** Configures Amplify from the build's VITE_COGNITO_* settings and returns its auth functions. */
export async function loadCognito(env: ImportMetaEnv): Promise<CognitoTokens> {
  const [{ Amplify }, auth] = await Promise.all([import('aws-amplify'), import('aws-amplify/auth')])
  Amplify.configure({
    Auth: { Cognito: { userPoolId: env.VITE_COGNITO_USER_POOL_ID ?? '', userPoolClientId: env.VITE_COGNITO_CLIENT_ID ?? '' } },
  })
  return new CognitoTokens({
    fetchAuthSession: (options) => auth.fetchAuthSession(options),
    signIn: (input) => auth.signIn(input),
    signOut: () => auth.signOut(),
  })
}
