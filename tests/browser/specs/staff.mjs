// Staff pages beyond the walk: search, procedures (graph, reload), registers with CSV,
// dashboard charts, user admin, errors in plain Chinese, the English toggle.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { dialog, expectText, login, waitSuccess } from '../lib/ui.mjs'

export default [
  {
    name: 'case search filters and pages',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      await login(page, base, 'admin-demo')
      await page.goto(`${base}/cases`)
      const table = page.locator('[data-test=case-table]')
      await table.locator('tbody tr').first().waitFor()
      await expectText(table, /质量信誉承诺活动工作方案备案/)
      await shot(page, 'cases')
      // A filter that matches nothing empties the table; the URL keeps the filters.
      await page.locator('[data-test=filter-status]').click()
      await page.locator('.el-select-dropdown__item').filter({ visible: true }).filter({ hasText: '已办结' }).click()
      await page.locator('[data-test=search]').click()
      await page.waitForURL(/status=closed/)
      await page.locator('[data-test=case-table] .el-loading-mask').waitFor({ state: 'detached' }).catch(() => undefined)
      const rows = await page.locator('[data-test=case-table] tbody tr').count()
      const statuses = await page.locator('[data-test=case-table] tbody .el-tag').allInnerTexts()
      assert.ok(statuses.every((s) => s === '已办结'), `only closed cases (${rows} rows: ${statuses})`)
    },
  },
  {
    name: 'procedure viewer draws the graph; admin reloads procedures',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      await login(page, base, 'admin-demo')
      await page.goto(`${base}/procedures`)
      await page.locator('[data-test=procedures]').getByText('质量信誉承诺活动工作方案备案').click()
      await page.locator('[data-test=procedure-title]').waitFor()
      await page.locator('[data-test=graph-svg] svg').waitFor({ timeout: 30000 })
      await expectText(page.locator('[data-test=stage-office_review]'), /活动办备案审核[\s\S]*15 个工作日/)
      await shot(page, 'procedure')
      // The page's address survives a reload (procedure ids have dots: no SPA-fallback trap).
      await page.reload()
      await page.locator('[data-test=procedure-title]').waitFor()
      await page.goto(`${base}/procedures`)
      await page.locator('[data-test=reload]').click()
      await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click()
      await waitSuccess(page)
      await expectText(page.locator('.el-message--success').last(), /已加载 \d+ 个流程/)
    },
  },
  {
    name: 'registers: tabs, filters and CSV export',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      await login(page, base, 'js-samr')
      await page.goto(`${base}/registers`)
      const tabs = page.locator('[data-test=register-tabs]')
      await tabs.waitFor()
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-grants]').click()])
      const csv = readFileSync(await download.path(), 'utf8')
      assert.ok(csv.startsWith('\ufeffid,'), 'CSV with a BOM and a header')
      for (const name of ['禁入记录', '承诺企业名单', '分类监管结果']) {
        await tabs.getByRole('tab', { name }).click()
      }
      await shot(page, 'registers')
    },
  },
  {
    name: 'dashboard draws its charts for the jurisdiction',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      await login(page, base, 'js-samr')
      await page.goto(`${base}/dashboard`)
      for (const c of ['chart-stage', 'chart-month', 'chart-overdue']) await page.locator(`[data-test=${c}] canvas`).waitFor()
      await expectText(page.locator('.page-sub'), /统计范围/)
      await page.waitForTimeout(1200) // let the bars finish growing before the screenshot
      await shot(page, 'dashboard')
    },
  },
  {
    name: 'admin creates a user with a role grant (errors at the field)',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      await login(page, base, 'admin-demo')
      await page.goto(`${base}/admin/users`)
      await page.locator('[data-test=users]').getByText('expert5').waitFor()
      await page.locator('[data-test=new-user]').click()
      const d = dialog(page)
      const name = `e2e${Date.now() % 100000}`
      await d.locator('input[name=new-username]').fill(name)
      await d.locator('input[name=new-display-name]').fill('浏览器测试用户')
      await d.getByPlaceholder('行政区划').fill('320100')
      await d.locator('[data-test=user-submit]').click()
      // No password: refused, shown in Chinese at the field or above the form.
      await d.locator('.el-form-item__error, .el-alert--error').first().waitFor()
      await expectText(d.locator('.el-form-item__error, .el-alert--error').first(), /填写的内容不符合要求/)
      await d.locator('input[name=new-password]').fill('browser-test-pass-1')
      await d.locator('[data-test=user-submit]').click()
      await waitSuccess(page)
      await page.locator('[data-test=users]').getByText(name).waitFor()
      await shot(page, 'users')
      // The new user logs in and sees the staff home.
      await page.locator('[data-test=logout]').click()
      await login(page, base, name, 'browser-test-pass-1')
      assert.equal(new URL(page.url()).pathname, '/tasks')
    },
  },
  {
    name: 'errors are plain Chinese; English is one click away',
    async fn({ newPage, base }) {
      const page = await newPage()
      await login(page, base, 'js-samr')
      await page.goto(`${base}/cases/99999999`)
      const err = page.locator('[data-test=case-error]')
      await err.waitFor()
      assert.match(await err.innerText(), /未找到相关内容/)
      assert.doesNotMatch(await err.innerText(), /"error"|\{/)
      // A staff page the role may not use sends it home.
      await page.goto(`${base}/admin/users`)
      await page.waitForURL(`${base}/tasks`)
      await page.locator('[data-test=lang-toggle]').click()
      await page.locator('[data-test=main-menu]').getByText('My tasks').waitFor()
      await page.locator('[data-test=lang-toggle]').click()
      await page.locator('[data-test=main-menu]').getByText('待办事项').waitFor()
    },
  },
]
