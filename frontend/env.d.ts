/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "true" signs in through a Cognito user pool (AWS) instead of user-service's own tokens. */
  readonly VITE_USE_COGNITO?: string
  readonly VITE_COGNITO_USER_POOL_ID?: string
  readonly VITE_COGNITO_CLIENT_ID?: string
}
interface ImportMeta {
  readonly env: ImportMetaEnv
}
