import { createApp } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { onUnauthenticated } from './api/http'
import { useSession } from './stores/session'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(router).use(i18n).use(ElementPlus)

// An expired session sends the user back to the login page, keeping where they were.
onUnauthenticated(() => {
  useSession(pinia).forget()
  const here = router.currentRoute.value
  if (here.meta.need) void router.push({ name: 'login', query: { redirect: here.fullPath } })
})

app.mount('#app')
