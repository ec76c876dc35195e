import type { ItemSpecific } from '@/api/types'

/**
 * The browser's copy of listing-service's item-specifics rules (ItemSpecific.normalize), so the
 * seller sees a wrong or missing value next to its field before anything is sent. The server
 * checks again and its answer wins.
 */
export const MAX_SPECIFIC_TEXT = 120

/** Why `value` does not fit `spec`, or null. An empty value is only wrong when it is required. */
export function specificProblem(spec: ItemSpecific, value: string | undefined): string | null {
  const v = (value ?? '').trim()
  if (v === '') return spec.requirement === 'REQUIRED' ? `${spec.name} is required for this category.` : null
  switch (spec.type) {
    case 'TEXT':
      return v.length > MAX_SPECIFIC_TEXT ? `At most ${MAX_SPECIFIC_TEXT} characters.` : null
    case 'NUMBER':
      if (!/^\d+(\.\d+)?$/.test(v)) return `Enter a number${spec.unit ? ` (in ${spec.unit})` : ''}, such as 6.1.`
      return v.replace('.', '').replace(/^0+/, '').length > 12 ? 'At most 12 digits.' : null
    case 'ENUM':
      return (spec.allowedValues ?? []).some((a) => a.toLowerCase() === v.toLowerCase()) ? null : `Choose one of ${(spec.allowedValues ?? []).join(', ')}.`
    case 'BOOLEAN':
      return v === 'true' || v === 'false' ? null : 'Choose yes or no.'
    default:
      return null
  }
}

/** Every problem of a whole form, keyed like the server's field errors: `itemSpecifics.<name>`. */
export function specificsProblems(specs: readonly ItemSpecific[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const spec of specs) {
    const p = specificProblem(spec, values[spec.name ?? ''])
    if (p) out[`itemSpecifics.${spec.name}`] = p
  }
  return out
}

/** The values the server takes: blanks and fields the category does not have are left out. */
export function specificsToSend(specs: readonly ItemSpecific[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const spec of specs) {
    const v = (values[spec.name ?? ''] ?? '').trim()
    if (v !== '') out[spec.name ?? ''] = v
  }
  return out
}
