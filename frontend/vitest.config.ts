import { fileURLToPath } from 'node:url'
import { mergeConfig, defineConfig, configDefaults } from 'vitest/config'
import viteConfig from './vite.config'

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      exclude: [...configDefaults.exclude, 'e2e/**'],
      root: fileURLToPath(new URL('./', import.meta.url)),
      // JUnit report beside Maven's, so ./dbay test's summary line counts these tests too.
      reporters: ['default', 'junit'],
      outputFile: { junit: 'target/vitest-reports/TEST-vitest.xml' },
    },
  }),
)
