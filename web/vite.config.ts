import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The server serves /assets/* as immutable and index.html as no-cache, so every asset
// name carries a content hash (Vite's default) and the entry stays tiny.
export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    // `npm run dev` talks to a server started separately (see docs/web.md).
    proxy: { '/api': 'http://127.0.0.1:8090' },
    fs: { allow: ['..'] },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // mermaid's own chunks are large by nature and load only on the procedure page.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // Shared by every page and rarely changed: cached apart from the app code.
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ },
            {
              name: 'element-plus',
              test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|@ctrl|async-validator|dayjs|lodash-unified|memoize-one|normalize-wheel-es|@sxzz|@popperjs)[\\/]/,
            },
          ],
        },
      },
    },
  },
})
