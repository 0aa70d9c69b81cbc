// The public portal without a login, at a phone's width and at 1366×768.
import assert from 'node:assert/strict'
import { waitText } from '../lib/ui.mjs'

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true }

export default [
  {
    name: 'public portal pages work on a phone',
    async fn({ newPage, base, shot }) {
      const page = await newPage(PHONE)
      await page.goto(`${base}/public`)
      await page.locator('[data-test=notices]').waitFor()
      await page.locator('[data-test=notices] .el-loading-mask').waitFor({ state: 'detached' }).catch(() => undefined)
      await shot(page, 'portal-notices-phone')
      const width = await page.evaluate(() => document.documentElement.scrollWidth)
      assert.ok(width <= 392, `no horizontal scrolling on a phone (${width}px)`)
      for (const [link, check] of [
        ['信用等级名单', '[data-test=grades]'],
        ['黑名单', '[data-test=announcements]'],
        ['公告', '[data-test=announcements]'],
        ['承诺企业名单', '[data-test=public-listings]'],
      ]) {
        await page.locator('[data-test=portal-nav]').getByRole('link', { name: link, exact: true }).click()
        await page.locator(check).waitFor()
      }
      await shot(page, 'portal-listings-phone')
      // Reports and complaints: either working or plainly "not yet open", never an error dump.
      await page.locator('[data-test=portal-nav]').getByRole('link', { name: '质量信用报告' }).click()
      await page.locator('[data-test=not-available], .el-table').first().waitFor()
      await page.locator('[data-test=portal-nav]').getByRole('link', { name: '投诉举报' }).click()
      await page.locator('input[name=uscc]').fill('91320102MA1NAB8K2X')
      await page.locator('textarea[name=content]').fill('浏览器测试投诉')
      await page.locator('input[name=contact]').fill('13800000000')
      await page.getByRole('button', { name: '提交' }).click()
      await page.locator('[data-test=not-available], .el-result, .el-form-item__error, .el-alert--error').first().waitFor()
      const body = await page.locator('main').innerText()
      assert.doesNotMatch(body, /"error"|\{"/)
      await shot(page, 'portal-complaint-phone')
    },
  },
  {
    name: 'public portal at 1366×768 links the staff login',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      await page.goto(`${base}/public/grades`)
      await page.locator('[data-test=grades]').waitFor()
      await page.locator('[data-test=grade-search]').fill('不存在的企业')
      await waitText(page.locator('[data-test=grades]'), /暂无数据/)
      await shot(page, 'portal-grades')
      await page.getByRole('link', { name: '工作人员登录' }).click()
      await page.locator('[data-test=login-form]').waitFor()
    },
  },
]
