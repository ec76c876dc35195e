import { authFetch } from './client'
import { ApiError, type Problem } from './problem'

/**
 * A JSON call through authFetch (bearer token, one refresh) for the services without a generated
 * client yet (order-service's disputes, user-service's feedback, the admin lists): a non-2xx answer
 * is thrown as an ApiError carrying the problem+json.
 */
export async function callApi<T>(path: string, init: RequestInit = {}): Promise<T> {
  const origin = globalThis.location?.origin ?? 'http://localhost'
  const headers = new Headers(init.headers)
  headers.set('Accept', 'application/json')
  if (typeof init.body === 'string' && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json')
  let response: Response
  try {
    response = await authFetch(new Request(`${origin}${path}`, { ...init, headers }))
  } catch (e) {
    throw new ApiError(0, { detail: e instanceof Error && e.message ? `DBay cannot be reached (${e.message}).` : undefined })
  }
  const text = await response.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  if (!response.ok) throw new ApiError(response.status, body as Problem | undefined)
  return body as T
}
