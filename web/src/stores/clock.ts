// The server's "now". With --simulated-clock the server's date can be days or years
// away from the browser's, and deadlines must count from the server's.
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ops } from '@/api/endpoints'

export const useClock = defineStore('clock', () => {
  const offsetMs = ref(0)
  const simulated = ref(false)
  const tick = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | null = null

  async function sync() {
    try {
      const before = Date.now()
      const r = await ops.clock()
      const after = Date.now()
      offsetMs.value = new Date(r.now).getTime() - (before + after) / 2
      simulated.value = r.simulated
    } catch {
      offsetMs.value = 0
    }
    if (!timer) timer = setInterval(() => (tick.value = Date.now()), 30000)
  }

  /** The server's current instant (reactive: recomputed every 30 s). */
  function now(): Date {
    return new Date(tick.value + offsetMs.value)
  }

  return { offsetMs, simulated, sync, now, tick }
})
