// The work-plan filing walked through the UI: the organizer opens and submits a plan
// (validation shown at the field), the office returns it, the organizer corrects and
// resubmits, the office files it; 待办 follows each step and the 备案回执 appears.
import assert from 'node:assert/strict'
import { dialog, expectText, fillField, login, logout, openCase, stageText, startAction, submitAction, taskIds } from '../lib/ui.mjs'

const PLAN = {
  duties: '江苏省质量协会负责组织、协调和监督本省承诺活动。',
  requirements: '承诺企业应建立质量诚信管理制度。',
  commitment_content: '守法经营、质量第一、诚信为本。',
  review_procedure: '企业自愿申请，协会审查后报活动办。',
  supervision_measures: '开展年度抽查，接受社会监督。',
}

export default [
  {
    name: 'work plan: open, submit, return, correct, file, receipt (待办 updates)',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      const title = `浏览器测试工作方案 ${Date.now()}`

      // The organizer opens a plan for its own organisation.
      await login(page, base, 'organizer-js')
      await page.locator('[data-test=main-menu]').getByText('新建案件').click()
      await page.waitForURL(`${base}/cases/new`)
      const proc = page.locator('[data-test="proc-national.commitment_workplan"]')
      await proc.waitFor()
      if (!(await proc.getAttribute('class')).includes('is-checked')) await proc.click()
      await page.locator('[data-test=field-enterprise] .el-select').click()
      await page.keyboard.type('质量协会')
      await page.locator('.el-select-dropdown__item').filter({ visible: true }).filter({ hasText: '江苏省质量协会' }).first().click()
      await fillField(page, 'plan_title', title)
      await shot(page, 'new-case')
      await page.locator('[data-test=new-case-submit]').click()
      await page.waitForURL(/\/cases\/\d+$/)
      const id = Number(new URL(page.url()).pathname.split('/').pop())
      await page.locator('[data-test=case-stage]').waitFor()
      assert.equal(await stageText(page), '编制工作方案')
      await expectText(page.locator('[data-test=stage-basis]'), /工信部科\[2011\]366号/)
      await expectText(page.locator('[data-test=case-data]'), new RegExp(title))

      // Submitting without the required sections: the server names the field.
      let d = await startAction(page, 'submit')
      await submitAction(page, { expectError: true })
      await expectText(d.locator('[data-test=field-duties] .el-form-item__error'), /填写的内容不符合要求/)
      for (const [k, v] of Object.entries(PLAN)) await fillField(d, k, v)
      await d.locator('[data-test=action-comment]').fill('请活动办备案')
      await submitAction(page)
      assert.equal(await stageText(page), '活动办备案审核')
      await expectText(page.locator('[data-test=case-deadline]'), /个工作日/)
      await shot(page, 'case-office-review')
      assert.ok(!(await taskIds(page, base)).includes(id), 'the organizer has nothing left to do on it')
      await logout(page)

      // The office sees it in 待办 and returns it, giving a reason (required).
      await login(page, base, 'office')
      assert.ok((await taskIds(page, base)).includes(id), 'the submitted plan is in the office 待办')
      await shot(page, 'tasks-office')
      await page.locator(`[data-test="task-${id}"]`).click()
      await page.locator('[data-test=case-stage]').waitFor()
      d = await startAction(page, 'return')
      await submitAction(page, { expectError: true })
      await expectText(d.locator('[data-test=field-return_reason] .el-form-item__error'), /填写的内容不符合要求/)
      await fillField(d, 'return_reason', '监督措施不够具体，请补充。')
      await submitAction(page)
      assert.equal(await stageText(page), '编制工作方案')
      assert.ok(!(await taskIds(page, base)).includes(id), 'returned: no longer the office task')
      await logout(page)

      // The organizer corrects the returned plan and submits it again.
      await login(page, base, 'organizer-js')
      assert.ok((await taskIds(page, base)).includes(id), 'the returned plan is back in the organizer 待办')
      await openCase(page, base, id)
      await expectText(page.locator('[data-test=case-data]'), /监督措施不够具体/)
      d = await startAction(page, 'submit')
      assert.equal(await d.locator('[data-test=field-duties] textarea').inputValue(), PLAN.duties, 'the form keeps what was entered')
      await fillField(d, 'supervision_measures', '每季度抽查承诺企业，结果报活动办并向社会公开。')
      await submitAction(page)
      assert.equal(await stageText(page), '活动办备案审核')
      await logout(page)

      // The office files it: the case closes with a filing receipt.
      await login(page, base, 'office')
      await openCase(page, base, id)
      await startAction(page, 'file')
      await submitAction(page)
      assert.equal(await stageText(page), '已备案')
      await expectText(page.locator('[data-test=case-actions]'), /本案件已办结/)
      const docs = page.locator('[data-test=documents]')
      await expectText(docs, /备案回执/)
      await page.locator('[data-test="doc-filing_receipt"]').click()
      const frame = dialog(page).frameLocator('iframe')
      await frame.locator('body').getByText(title).first().waitFor()
      await shot(page, 'document-receipt')
      await dialog(page).getByRole('button', { name: '关闭', exact: true }).click()
      const history = await page.locator('[data-test=history] tbody tr').count()
      assert.ok(history >= 4, `history has every step (${history})`)
      await expectText(page.locator('[data-test=history]'), /organizer-js[\s\S]*office/)
      await shot(page, 'case-filed')
    },
  },
]
