import { defineStore } from 'pinia'
import { ref, watch } from 'vue'

export type Theme = 'light' | 'dark'

/** Light or dark: the user's choice, else the system's; index.html applies it before the first paint. */
export const useThemeStore = defineStore('theme', () => {
  const stored = globalThis.localStorage?.getItem('dbay.theme')
  const system: Theme = globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
  const theme = ref<Theme>(stored === 'dark' || stored === 'light' ? stored : system)

  watch(
    theme,
    (t) => document.documentElement.classList.toggle('dark', t === 'dark'),
    { immediate: true },
  )

  function toggle(): void {
    theme.value = theme.value === 'dark' ? 'light' : 'dark'
    globalThis.localStorage?.setItem('dbay.theme', theme.value)
  }

  return { theme, toggle }
})
