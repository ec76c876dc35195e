import { defineStore } from 'pinia'
import { ref } from 'vue'
import { listingApi } from '@/api/client'
import { unwrap } from '@/api/problem'
import type { Category, CategoryNode } from '@/api/types'

/** A leaf of the tree with the names from the root down to it, for searching and breadcrumbs. */
export interface CategoryLeaf {
  id: number
  name: string
  path: { id: number; name: string }[]
  /** The whole path in lower case, what a search matches against. */
  text: string
}

export function leavesOf(nodes: readonly CategoryNode[], above: { id: number; name: string }[] = []): CategoryLeaf[] {
  const out: CategoryLeaf[] = []
  for (const n of nodes) {
    const path = [...above, { id: n.id ?? 0, name: n.name ?? '' }]
    if (n.leaf || !n.children?.length) out.push({ id: n.id ?? 0, name: n.name ?? '', path, text: path.map((p) => p.name).join(' › ').toLowerCase() })
    else out.push(...leavesOf(n.children, path))
  }
  return out
}

/** Leaves whose path contains every typed word (so "phone apple" finds Cell Phones under Apple…). */
export function searchLeaves(leaves: readonly CategoryLeaf[], query: string, limit = 30): CategoryLeaf[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return []
  return leaves.filter((l) => words.every((w) => l.text.includes(w))).slice(0, limit)
}

/** The category tree (it rarely changes: loaded once per visit) and each chosen category's form. */
export const useCategoriesStore = defineStore('categories', () => {
  const tree = ref<CategoryNode[]>([])
  const leaves = ref<CategoryLeaf[]>([])
  const forms = new Map<number, Category>()
  let loading: Promise<void> | null = null

  function load(): Promise<void> {
    if (tree.value.length) return Promise.resolve()
    loading ??= (async () => {
      try {
        const t = unwrap(await listingApi.GET('/api/v1/listing/categories'))
        tree.value = t.categories ?? []
        leaves.value = leavesOf(tree.value)
      } finally {
        loading = null
      }
    })()
    return loading
  }

  async function form(id: number): Promise<Category> {
    const known = forms.get(id)
    if (known) return known
    const c = unwrap(await listingApi.GET('/api/v1/listing/categories/{id}', { params: { path: { id } } }))
    forms.set(id, c)
    return c
  }

  return { tree, leaves, load, form }
})
