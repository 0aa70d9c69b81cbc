// Every demo role logs in and lands on its own home page with the right menu.
import assert from 'node:assert/strict'
import { login, logout } from '../lib/ui.mjs'

const ROLES = [
  { user: 'admin-demo', home: '/tasks', menu: ['待办事项', '用户管理', '办理流程'], name: '系统管理员' },
  { user: 'js-samr', home: '/tasks', menu: ['待办事项', '案件查询', '统计分析', '信用登记簿'], name: '江苏省市场监管局' },
  { user: 'js-drc', home: '/tasks', menu: ['待办事项'], name: '江苏省发展改革委' },
  { user: 'nj-samr', home: '/tasks', menu: ['待办事项'], name: '南京市市场监管局' },
  { user: 'nj-drc', home: '/tasks', menu: ['待办事项'], name: '南京市发展改革委' },
  { user: 'xw-samr', home: '/tasks', menu: ['待办事项'], name: '玄武区市场监管局' },
  { user: 'xw-drc', home: '/tasks', menu: ['待办事项'], name: '玄武区发展改革委' },
  { user: 'expert1', home: '/tasks', menu: ['待办事项'], name: '评审专家一' },
  { user: 'office', home: '/tasks', menu: ['待办事项'], name: '质量诚信承诺活动办公室' },
  { user: 'organizer-js', home: '/tasks', menu: ['待办事项', '新建案件'], name: '江苏省质量协会' },
  { user: 'ent-1', home: '/my/cases', menu: ['我的申请', '申请办理', '信用状况'], name: '南京玄武精密仪器有限公司' },
]

export default [
  {
    name: 'login page shows the staff login and links the public portal',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      await page.goto(`${base}/`)
      await page.getByRole('heading', { name: '工作人员登录' }).waitFor()
      await shot(page, 'login')
      await page.locator('[data-test=portal-link]').click()
      await page.waitForURL(`${base}/public`)
      await page.locator('[data-test=portal-nav]').waitFor()
    },
  },
  {
    name: 'a wrong password is refused in plain Chinese',
    async fn({ newPage, base }) {
      const page = await newPage()
      await page.goto(`${base}/`)
      await page.locator('input[name=username]').fill('js-samr')
      await page.locator('input[name=password]').fill('not-the-password')
      await page.locator('input[name=password]').press('Enter')
      const err = page.locator('[data-test=login-error]')
      await err.waitFor()
      assert.match(await err.innerText(), /用户名或密码错误/)
      assert.doesNotMatch(await err.innerText(), /[{}]/)
    },
  },
  {
    name: 'each demo role logs in to its home page',
    async fn({ newPage, base, shot }) {
      const page = await newPage()
      for (const r of ROLES) {
        await login(page, base, r.user)
        assert.equal(new URL(page.url()).pathname, r.home, `${r.user} lands on ${r.home}`)
        const who = await page.locator('[data-test=whoami]').innerText()
        assert.ok(who.includes(r.name), `${r.user} sees their name (${who})`)
        const menu = await page.locator('[data-test=main-menu]').innerText()
        for (const m of r.menu) assert.ok(menu.includes(m), `${r.user} has menu entry ${m}`)
        if (r.user !== 'admin-demo') assert.ok(!menu.includes('用户管理'), `${r.user} has no user admin`)
        if (r.user === 'admin-demo' || r.user === 'ent-1') await shot(page, `home-${r.user}`)
        await logout(page)
      }
      // A page that needs a login sends the visitor to it, and back after.
      await page.goto(`${base}/cases`)
      await page.locator('[data-test=login-form]').waitFor()
      await page.locator('input[name=username]').fill('js-samr')
      await page.locator('input[name=password]').fill('qcredit-demo')
      await page.locator('[data-test=login-submit]').click()
      await page.waitForURL(`${base}/cases`)
    },
  },
]
