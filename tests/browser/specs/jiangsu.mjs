// A Jiangsu grade-recognition case walked through the UI from the enterprise's
// application to the announcement: each stage is taken by whichever demo user the API
// offers an action to, through the case page; during the 公示 an objection is filed on
// the public portal (phone width) and dismissed; the simulated clock ends the notice
// window; the grade then shows on the portal. Skipped while the procedure is not loaded.
import assert from 'node:assert/strict'
import { autoFill, dialog, expectText, fillField, login, logout, openCase, startAction, submitAction, taskIds, waitText } from '../lib/ui.mjs'
import { skip } from '../lib/harness.mjs'

const PROCEDURE = 'jiangsu.grade_recognition'
const USERS = ['ent-1', 'xw-samr', 'xw-drc', 'nj-samr', 'nj-drc', 'js-samr', 'js-drc', 'expert1', 'expert2', 'expert3', 'expert4', 'expert5', 'admin-demo']
const DISMISS = /dismiss|不成立|驳回异议|维持/i
const BACKWARD = /return|reject|withdraw|refuse|fail|deny|revoke|uphold|correct|退回|不予|驳回|撤回|不通过|终止|拒绝|补正|不同意|否决|成立/i

function beijingToday(now) {
  return new Date(new Date(now).getTime() + 8 * 3600e3).toISOString().slice(0, 10)
}

// The step a person would take to move the case on: dismissing an objection, else the
// action that reaches a stage not yet visited, never a return or a refusal if avoidable.
function score(action, def, visited) {
  const text = `${action.id} ${action.title}`
  const st = def.stages.find((s) => s.id === def.current)
  const spec = st?.actions.find((a) => a.id === action.id)
  let s = 0
  if (DISMISS.test(text)) s += 10
  else if (BACKWARD.test(text)) s -= 10
  if (action.id === 'vote') s += 1
  for (const to of spec?.to ?? []) {
    if (!visited.has(to)) s += 2
    if (to === 'announced') s += 3
  }
  return s
}

export default [
  {
    name: 'Jiangsu grade recognition: application → 公示 with objection → announcement',
    async fn({ newPage, base, api, shot }) {
      const procs = await api.get('admin-demo', '/procedures')
      if (!procs.items.some((p) => p.id === PROCEDURE))
        skip(`${PROCEDURE} is not loaded (GET /api/v1/procedures does not list it)`)
      const def = await api.get('admin-demo', `/procedures/${PROCEDURE}`)
      const me = await api.get('ent-1', '/me')
      const page = await newPage()

      // The enterprise applies through the UI.
      await login(page, base, 'ent-1')
      await page.goto(`${base}/my/apply`)
      const proc = page.locator(`[data-test="proc-${PROCEDURE}"]`)
      await proc.waitFor()
      if (!(await proc.getAttribute('class')).includes('is-checked')) await proc.click()
      const clock = await api.get('admin-demo', '/admin/clock')
      await autoFill(page.locator('.el-card').filter({ has: page.locator('[data-test=new-case-submit]') }), beijingToday(clock.now))
      await page.locator('[data-test=new-case-submit]').click()
      await page.waitForURL(/\/cases\/\d+$/)
      const id = Number(new URL(page.url()).pathname.split('/').pop())
      await shot(page, 'jiangsu-applied')
      let current = 'ent-1'
      const visited = new Set()
      let objected = false
      let sawTaskUpdate = false

      for (let step = 0; step < 40; step++) {
        const c = await api.get('admin-demo', `/cases/${id}`)
        visited.add(c.stage)
        if (c.status !== 'active') break
        const stage = def.stages.find((s) => s.id === c.stage)

        // 公示: the public objects once, on the portal, at a phone's width.
        if (stage?.notice && !objected) {
          const notices = await api.get(null, '/public/notices?per_page=500')
          const n = notices.items.find((x) => x.case_id === id)
          assert.ok(n, 'the case is listed among the open notices')
          const phone = await newPage({ viewport: { width: 390, height: 844 }, isMobile: true })
          await phone.goto(`${base}/public`)
          const card = phone.locator(`[data-test="notice-${n.id}"]`)
          await expectText(card, new RegExp(me.display_name ?? '玄武'))
          await shot(phone, 'portal-notice-phone')
          await card.locator('[data-test=object]').click()
          const d = dialog(phone)
          await d.locator('input[name=name]').fill('张三')
          await d.locator('input[name=contact]').fill('13900000000')
          await d.locator('textarea[name=content]').fill('该企业去年曾有产品抽检不合格，请核实。')
          await d.locator('[data-test=objection-submit]').click()
          await d.locator('[data-test=objection-done]').waitFor()
          await shot(phone, 'portal-objection-done')
          objected = true
          continue
        }

        // Who may act now, as the API says for each demo user.
        const offers = []
        for (const u of USERS) {
          const r = await api.call(u, 'GET', `/cases/${id}`)
          if (r.status !== 200) continue
          for (const a of r.json.available_actions ?? []) offers.push({ user: u, action: a, score: score(a, { ...def, current: c.stage }, visited) })
        }
        if (!offers.length) {
          assert.ok(stage?.timer, `stage ${c.stage} has no action for any demo user and no timer`)
          // Let the timer run out: past the window in working days, holidays included.
          const days = stage.timer.days || Math.ceil(stage.timer.workdays * 1.5) + 10
          await api.post('admin-demo', '/admin/clock', { advance_days: days })
          continue
        }
        offers.sort((a, b) => b.score - a.score)
        const { user, action } = offers[0]
        if (user !== current) {
          await logout(page)
          await login(page, base, user)
          current = user
          if (!sawTaskUpdate && user !== 'ent-1' && user !== 'admin-demo') {
            assert.ok((await taskIds(page, base)).includes(id), `the case is in ${user}'s 待办`)
            sawTaskUpdate = true
          }
        }
        await openCase(page, base, id)
        const d = await startAction(page, action.id)
        await autoFill(d, beijingToday((await api.get('admin-demo', '/admin/clock')).now))
        await d.locator('[data-test=action-comment]').fill(`浏览器测试：${action.title}`)
        await submitAction(page)
      }

      const done = await api.get('admin-demo', `/cases/${id}`)
      assert.equal(done.stage, 'announced', `the case reached the announcement (at ${done.stage})`)
      assert.ok(objected, 'an objection was filed during the notice')
      await openCase(page, base, id)
      await shot(page, 'jiangsu-announced')

      // The grade is public now.
      const pub = await newPage()
      await pub.goto(`${base}/public/grades`)
      await pub.locator('[data-test=grade-search]').fill(me.enterprise)
      await waitText(pub.locator('[data-test=grades]'), new RegExp(me.enterprise))
      await shot(pub, 'portal-grades-announced')
    },
  },  {
    name: 'Jiangsu: an ineligible application is refused with the article it fails',
    async fn({ newPage, base, api, shot }) {
      const procs = await api.get('admin-demo', '/procedures')
      if (!procs.items.some((p) => p.id === PROCEDURE))
        skip(`${PROCEDURE} is not loaded (GET /api/v1/procedures does not list it)`)
      const page = await newPage()
      await login(page, base, 'ent-1')
      await page.goto(`${base}/my/apply`)
      const proc = page.locator(`[data-test="proc-${PROCEDURE}"]`)
      await proc.waitFor()
      if (!(await proc.getAttribute('class')).includes('is-checked')) await proc.click()
      const form = page.locator('.el-card').filter({ has: page.locator('[data-test=new-case-submit]') })
      const clock = await api.get('admin-demo', '/admin/clock')
      await autoFill(form, beijingToday(clock.now))
      // AAA needs years of growing revenue; the form gives none.
      await fillField(form, 'requested_grade', 'AAA')
      await page.locator('[data-test=new-case-submit]').click()
      // The procedure may refuse at opening or at submission; either way the reason
      // names the article, in the page, not as JSON.
      const refusedAtOpen = page.locator('[data-test=new-case-error]')
      await Promise.race([refusedAtOpen.waitFor(), page.waitForURL(/\/cases\/\d+$/)])
      let message
      if (await refusedAtOpen.isVisible()) {
        message = await refusedAtOpen.innerText()
      } else {
        await page.locator('[data-test=case-stage]').waitFor()
        const submit = page.locator('[data-test^="action-"]').filter({ hasText: /提交|申报/ }).first()
        await submit.click()
        await submitAction(page, { expectError: true })
        message = await dialog(page).locator('[data-test=action-error], .el-form-item__error').first().innerText()
      }
      await shot(page, 'jiangsu-refused')
      assert.match(message, /不符合|条件/)
      assert.match(message, /第.+条/)
      assert.doesNotMatch(message, /\{"|"error"/)
    },
  },
]
