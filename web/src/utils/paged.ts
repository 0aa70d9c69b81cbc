// A list the server pages (every list endpoint answers {"items","total"} and takes `page`
// from 1 and `per_page`): the page in view, the server's total, and the one loading and
// error state every paged table and list shows (components/PagedTable.vue, PagedList.vue).
import { shallowReactive } from 'vue'
import type { Page } from '@/api/types'
import { describeError } from './errors'

export interface Paged<T> {
  /** The items of the page in view. */
  readonly rows: T[]
  /** The server's count of the whole list, every page. */
  readonly total: number
  /** The page in view, from 1. */
  readonly page: number
  readonly perPage: number
  readonly loading: boolean
  /** The last load's failure in plain words (utils/errors.ts), '' when it worked. */
  readonly error: string
  /** Whether any load has finished: nothing is "empty" before the first answer. */
  readonly loaded: boolean
  /** Loads page `page`; without it, the page in view again (a refresh). */
  load(page?: number): Promise<void>
}

type State<T> = { -readonly [K in keyof Paged<T>]: Paged<T>[K] }

/**
 * `fetchPage` asks the server for one page; the filters it sends are the caller's. Only
 * the latest load is shown: an answer to an earlier click that arrives late is dropped.
 */
export function usePaged<T>(fetchPage: (page: number, perPage: number) => Promise<Page<T>>, perPage = 20): Paged<T> {
  let latest = 0

  async function load(page = state.page): Promise<void> {
    const mine = ++latest
    state.page = page
    state.loading = true
    state.error = ''
    try {
      const r = await fetchPage(page, perPage)
      if (mine !== latest) return
      // Past the end (the list shrank since the pager was drawn, say after closing the
      // last item of the last page): show the last page there is.
      const last = Math.max(1, Math.ceil(r.total / perPage))
      if (!r.items.length && page > last) return await load(last)
      state.rows = r.items
      state.total = r.total
    } catch (e) {
      if (mine !== latest) return
      state.error = describeError(e)
      state.rows = []
      state.total = 0
    } finally {
      if (mine === latest) {
        state.loading = false
        state.loaded = true
      }
    }
  }

  const state: State<T> = shallowReactive({
    rows: [] as T[],
    total: 0,
    page: 1,
    perPage,
    loading: false,
    error: '',
    loaded: false,
    load,
  })
  return state
}

/** One page of a list the browser holds whole (a search the server cannot do). */
export function pageOf<T>(rows: T[], page: number, perPage: number): Page<T> {
  return { items: rows.slice((page - 1) * perPage, page * perPage), total: rows.length }
}
