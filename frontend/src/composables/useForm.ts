import { reactive, ref } from 'vue'
import { ApiError, toApiError } from '@/api/problem'

/**
 * A form's submit cycle: validate in the browser first (nothing is sent while a field is wrong),
 * then send; a problem+json answer puts its field `errors` next to the fields and its `detail`
 * above the form.
 */
export function useForm<F extends string>(fields: readonly F[]) {
  const errors = reactive<Record<string, string | null>>(Object.fromEntries(fields.map((f) => [f, null]))) as Record<F, string | null>
  const formError = ref<string | null>(null)
  const busy = ref(false)

  async function submit(validate: () => Partial<Record<F, string | null>>, send: () => Promise<void>): Promise<boolean> {
    formError.value = null
    const found = validate()
    for (const f of fields) errors[f] = found[f] ?? null
    if (fields.some((f) => errors[f])) {
      formError.value = 'Please correct the fields marked below.'
      return false
    }
    busy.value = true
    try {
      await send()
      return true
    } catch (e) {
      const problem: ApiError = toApiError(e)
      let placed = false
      for (const [field, message] of Object.entries(problem.fieldErrors)) {
        if ((fields as readonly string[]).includes(field)) {
          errors[field as F] = message
          placed = true
        }
      }
      formError.value = placed ? 'Please correct the fields marked below.' : problem.detail
      return false
    } finally {
      busy.value = false
    }
  }

  return { errors, formError, busy, submit }
}
