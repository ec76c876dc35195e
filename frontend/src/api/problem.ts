/**
 * RFC 9457 problem details as the services send them. `detail` is written for people and is what
 * the app shows; `errors` name the fields of the request that were refused.
 */
export interface Problem {
  type?: string
  title?: string
  status?: number
  detail?: string
  errors?: Array<{ field: string; message: string }> | Record<string, string>
}

export class ApiError extends Error {
  readonly status: number
  readonly type: string
  readonly detail: string
  /** Field name → message, from either shape the services use (a list or a map). */
  readonly fieldErrors: Record<string, string>

  constructor(status: number, problem: Problem | undefined) {
    const detail = problem?.detail || problem?.title || defaultDetail(status)
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.type = problem?.type ?? 'about:blank'
    this.detail = detail
    this.fieldErrors = fieldErrorsOf(problem?.errors)
  }

  /** The last segment of the problem type, e.g. "invalid-address". */
  get code(): string {
    return this.type.split('/').pop() ?? this.type
  }
}

function fieldErrorsOf(errors: Problem['errors']): Record<string, string> {
  if (!errors) return {}
  if (Array.isArray(errors)) {
    const out: Record<string, string> = {}
    for (const e of errors) if (e && typeof e.field === 'string') out[e.field] = e.message
    return out
  }
  return { ...errors }
}

function defaultDetail(status: number): string {
  if (status === 0) return 'DBay cannot be reached. Check your connection and try again.'
  if (status === 401) return 'Please sign in again.'
  if (status === 403) return 'You are not allowed to do that.'
  if (status === 404) return 'Not found.'
  if (status === 429) return 'Too many requests; wait a moment and try again.'
  if (status >= 500) return 'DBay had a problem answering. Try again in a moment.'
  return 'The request was refused.'
}

/** Turns an openapi-fetch result into its data, or throws the problem as an ApiError. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T
  throw new ApiError(result.response.status, (result.error ?? undefined) as Problem | undefined)
}

/** Any thrown thing as something a page can show. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  return new ApiError(0, { detail: e instanceof Error && e.message ? `DBay cannot be reached (${e.message}).` : undefined })
}
