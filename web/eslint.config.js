// Lint for the web UI (npm run lint): ESLint's and Vue's recommended rules, and
// typescript-eslint's for the TypeScript in .ts files and <script setup lang="ts">. Layout
// is prettier's business (npm run format:check): eslint-config-prettier switches off every
// rule that would argue with it.
import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import prettierOff from 'eslint-config-prettier/flat'

export default defineConfigWithVueTs(
  { name: 'qcredit/files', files: ['**/*.{js,mjs,ts,vue}'] },
  { name: 'qcredit/ignores', ignores: ['dist/**', 'node_modules/**'] },
  js.configs.recommended,
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  prettierOff,
  {
    name: 'qcredit/chinese-text',
    files: ['**/*.vue'],
    // A full-width space (U+3000) is ordinary Chinese typography in template text; it stays
    // an error in script, where it would be a typo.
    rules: {
      'no-irregular-whitespace': 'off',
      'vue/no-irregular-whitespace': ['error', { skipHTMLTextContents: true, skipStrings: true }],
    },
  },
)
