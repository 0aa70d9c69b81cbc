// An enterprise user: its own cases, its credit standing, the apply page.
import { expectText, login } from '../lib/ui.mjs'

export default [
  {
    name: 'enterprise sees its cases, credit status and the apply page',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      await login(page, base, 'ent-1')
      await page.locator('[data-test=my-cases]').waitFor()
      await page.goto(`${base}/my/credit`)
      await expectText(page.locator('[data-test=enterprise-profile]'), /南京玄武精密仪器有限公司/)
      await shot(page, 'enterprise-credit')
      await page.goto(`${base}/my/apply`)
      await page.getByText('选择办理事项').waitFor()
      await shot(page, 'enterprise-apply')
      // Staff pages are not for enterprises.
      await page.goto(`${base}/tasks`)
      await page.waitForURL(`${base}/my/cases`)
    },
  },
]
