// One thing a page loads — a case, a procedure, a report, or a whole set it sorts or
// counts itself — with the same loading and error state as a paged list (utils/paged.ts).
import { shallowReactive } from 'vue'
import { describeError, isNotFound } from './errors'

export interface Loaded<T> {
  /** What the last load brought; null before it and after a failure. A page may replace it
   * (with the case an action returned, say). */
  data: T | null
  readonly loading: boolean
  /** The last load's failure in plain words (utils/errors.ts), '' when it worked. */
  readonly error: string
  /** The last load failed with 404: the thing does not exist, or the endpoint does not. */
  readonly notFound: boolean
  /** Whether any load has finished. */
  readonly loaded: boolean
  /** Loads again; resolves once the state is updated (never rejects). */
  load(): Promise<void>
}

type State<T> = { -readonly [K in keyof Loaded<T>]: Loaded<T>[K] }

/** Only the latest load is shown: an earlier answer that arrives late is dropped. */
export function useLoad<T>(fetch: () => Promise<T>): Loaded<T> {
  let latest = 0

  async function load(): Promise<void> {
    const mine = ++latest
    state.loading = true
    state.error = ''
    state.notFound = false
    try {
      const v = await fetch()
      if (mine === latest) state.data = v
    } catch (e) {
      if (mine !== latest) return
      state.data = null
      state.error = describeError(e)
      state.notFound = isNotFound(e)
    } finally {
      if (mine === latest) {
        state.loading = false
        state.loaded = true
      }
    }
  }

  const state: State<T> = shallowReactive({
    data: null as T | null,
    loading: false,
    error: '',
    notFound: false,
    loaded: false,
    load,
  })
  return state
}
