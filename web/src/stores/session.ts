// Who is logged in, and what that lets the UI show.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { auth } from '@/api/endpoints'
import { tokenStore } from '@/api/http'
import type { Me } from '@/api/types'

const STAFF_ROLES = ['admin', 'samr', 'drc', 'expert', 'organizer', 'activity_office']

export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null)
  const loaded = ref(false)

  const roles = computed(() => new Set((me.value?.grants ?? []).map((g) => g.role)))
  const isAdmin = computed(() => roles.value.has('admin'))
  const isEnterprise = computed(() => roles.value.has('enterprise') && !!me.value?.enterprise)
  const isStaff = computed(() => STAFF_ROLES.some((r) => roles.value.has(r)))
  const loggedIn = computed(() => me.value !== null)

  /** Where a user lands after logging in. */
  const homePath = computed(() => {
    if (!me.value) return '/'
    if (isStaff.value) return '/tasks'
    if (isEnterprise.value) return '/my/cases'
    return '/public'
  })

  /** Restores the session kept in this tab, if the server still knows it. */
  async function restore() {
    if (loaded.value) return
    loaded.value = true
    if (!tokenStore.get()) return
    try {
      me.value = await auth.me()
    } catch {
      tokenStore.clear()
      me.value = null
    }
  }

  async function login(username: string, password: string) {
    const r = await auth.login(username, password)
    me.value = {
      username: r.user.username,
      display_name: r.user.display_name,
      grants: r.user.grants,
      enterprise: r.user.enterprise,
    }
    loaded.value = true
  }

  async function logout() {
    try {
      await auth.logout()
    } catch {
      // Already gone on the server: forgetting it here is all that is left to do.
    }
    forget()
  }

  function forget() {
    tokenStore.clear()
    me.value = null
  }

  return { me, loaded, roles, isAdmin, isEnterprise, isStaff, loggedIn, homePath, restore, login, logout, forget }
})
