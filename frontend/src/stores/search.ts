import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { searchApi } from '@/api/client'
import { toApiError, unwrap } from '@/api/problem'
import type { SearchFacets, SearchHit, SearchResults } from '@/api/types'
import { filterKey, toParams, toSearchString, type SearchState } from '@/lib/searchQuery'

interface Page {
  /** Where this page starts (null: the first result). */
  cursor: string | null
  items: SearchHit[]
  nextCursor: string | null
}

/** GET /api/v1/search/listings with the search's own query string (repeated names, spec.<Name>). */
export async function fetchResults(params: Record<string, string | string[]>): Promise<SearchResults> {
  return unwrap(
    await searchApi.GET('/api/v1/search/listings', {
      params: { query: {} as never },
      querySerializer: () => toSearchString(params),
    }),
  ) as SearchResults
}

/**
 * The results the search page shows, kept across pages: back from a listing shows the same list
 * without asking again. The URL is the truth (lib/searchQuery); `show` brings the list in line
 * with it: "more results" (the next cursor) appends a page, going back to an earlier cursor drops
 * the pages after it, any other change starts again.
 */
export const useSearchStore = defineStore('search', () => {
  const listKey = ref<string | null>(null)
  const pages = ref<Page[]>([])
  const facets = shallowRef<SearchFacets | null>(null)
  const total = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const items = computed(() => pages.value.flatMap((p) => p.items))
  const nextCursor = computed(() => pages.value.at(-1)?.nextCursor ?? null)
  /** The list starts somewhere after the first result (a shared "more results" link). */
  const startsLater = computed(() => (pages.value[0]?.cursor ?? null) !== null)
  let asked = 0

  async function show(s: SearchState): Promise<void> {
    const key = `${filterKey(s)}|${s.sort}`
    const mine = ++asked
    error.value = null
    if (key === listKey.value) {
      const at = pages.value.findIndex((p) => p.cursor === s.cursor)
      if (at >= 0) {
        pages.value = pages.value.slice(0, at + 1)
        return
      }
    }
    const appending = key === listKey.value && s.cursor !== null && nextCursor.value === s.cursor
    if (!appending) {
      listKey.value = key
      pages.value = []
      facets.value = null
      total.value = 0
    }
    loading.value = true
    try {
      const params = toParams(s)
      // Facets come with the first page only; a list that starts at a cursor asks for them apart.
      const [page, first] = await Promise.all([
        fetchResults(params),
        s.cursor !== null && facets.value === null ? fetchResults({ ...toParams({ ...s, cursor: null, sort: 'relevance' }), size: '1' }) : Promise.resolve(null),
      ])
      if (mine !== asked) return
      pages.value = [...pages.value, { cursor: s.cursor, items: page.items ?? [], nextCursor: page.nextCursor ?? null }]
      if (page.facets) facets.value = page.facets
      else if (first?.facets) facets.value = first.facets
      total.value = page.total ?? first?.total ?? total.value
    } catch (e) {
      if (mine !== asked) return
      error.value = toApiError(e).detail
      // Asked again for the same search, it starts over.
      if (!appending) listKey.value = null
    } finally {
      if (mine === asked) loading.value = false
    }
  }

  return { items, facets, total, loading, error, nextCursor, startsLater, show }
})
