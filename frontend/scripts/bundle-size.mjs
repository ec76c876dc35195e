#!/usr/bin/env node
// The JavaScript a first visit to the home route downloads (the entry, its static imports and the
// home view's chunk with its static imports), gzipped, from Vite's manifest of the build in dist/.
// Fails the build above the budget (the quality bar: 150 KB gzipped).
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const BUDGET_KB = 150
const dist = new URL('../dist/', import.meta.url)
const manifest = JSON.parse(readFileSync(new URL('.vite/manifest.json', dist), 'utf8'))

const files = new Set()
function take(key) {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return
  files.add(chunk.file)
  for (const dep of chunk.imports ?? []) take(dep)
}
take('index.html')
take('src/views/HomeView.vue')

let total = 0
for (const file of files) total += gzipSync(readFileSync(new URL(file, dist))).length
const kb = (total / 1024).toFixed(1)
console.log(`initial JavaScript of the home route: ${kb} KB gzipped in ${files.size} files (budget ${BUDGET_KB} KB)`)
if (total > BUDGET_KB * 1024) {
  console.error(`over the budget: ${[...files].join(', ')}`)
  process.exit(1)
}
