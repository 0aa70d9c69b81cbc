// Steps a person takes in the UI, shared by the specs.
import assert from 'node:assert/strict'
import { PASSWORD } from './api.mjs'

export async function login(page, base, user, password = PASSWORD) {
  await page.goto(`${base}/`)
  await page.locator('input[name=username]').fill(user)
  await page.locator('input[name=password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => u.pathname !== '/')
  await page.locator('[data-test=whoami]').waitFor()
}

export async function logout(page) {
  await page.locator('[data-test=logout]').click()
  await page.locator('[data-test=login-form]').waitFor()
}

/** The dialog on top (Element Plus keeps closed dialogs in the DOM, hidden). */
export function dialog(page) {
  return page.locator('.el-dialog').filter({ visible: true }).last()
}

export async function waitSuccess(page) {
  await page.locator('.el-message--success').last().waitFor()
}

/** Fills one generated field input, whatever its type. */
export async function fillField(scope, name, value) {
  const item = scope.locator(`[data-test="field-${name}"]`)
  const type = await item.getAttribute('data-type')
  if (type === 'enum') {
    const radio = item.locator('.el-radio').filter({ hasText: String(value) })
    if (await radio.count()) {
      await radio.first().click()
      return
    }
    await item.locator('.el-select').click()
    await scope.page().locator('.el-select-dropdown__item').filter({ visible: true }).filter({ hasText: String(value) }).first().click()
    return
  }
  if (type === 'boolean') {
    const checked = (await item.locator('.el-switch').getAttribute('class')).includes('is-checked')
    if (checked !== !!value) await item.locator('.el-switch').click()
    return
  }
  if (type === 'date') {
    const input = item.locator('input')
    await input.fill(String(value))
    await input.press('Enter')
    return
  }
  const input = item.locator('textarea, input').first()
  await input.fill(String(value))
}

/** A plausible value for a field a walk must fill (guards may check some of them). */
export async function autoFill(scope, today) {
  const items = scope.locator('[data-test^="field-"][data-type]')
  const n = await items.count()
  for (let i = 0; i < n; i++) {
    const item = items.nth(i)
    const name = (await item.getAttribute('data-test')).slice('field-'.length)
    const type = await item.getAttribute('data-type')
    if (type === 'enum') {
      if (await item.locator('.el-radio.is-checked').count()) continue
      const radios = item.locator('.el-radio')
      if (await radios.count()) {
        // Grade A (the walk's grade), a pass vote, or else the first option.
        const good = radios.filter({ hasText: /^\s*(A|pass|通过)\s*$/ })
        await ((await good.count()) ? good.first() : radios.first()).click()
      } else {
        await item.locator('.el-select').click()
        await scope.page().locator('.el-select-dropdown__item').filter({ visible: true }).first().click()
      }
      continue
    }
    if (type === 'boolean') {
      const sw = item.locator('.el-switch')
      if (!(await sw.getAttribute('class')).includes('is-checked')) await sw.click()
      continue
    }
    const input = item.locator('textarea, input').first()
    if ((await input.inputValue()) !== '') continue
    if (type === 'number' || type === 'integer') await input.fill('90')
    else if (type === 'date') {
      await input.fill(today)
      await input.press('Enter')
    } else if (type === 'object') await input.fill('{}')
    else if (type === 'array') await input.fill('e2e')
    else await input.fill(`浏览器测试：${name}`)
  }
}

export async function openCase(page, base, id) {
  await page.goto(`${base}/cases/${id}`)
  await page.locator('[data-test=case-stage]').waitFor()
}

export async function stageText(page) {
  return (await page.locator('[data-test=case-stage]').innerText()).trim()
}

/** Clicks an action button on the case page and returns its dialog. */
export async function startAction(page, actionId) {
  await page.locator(`[data-test="action-${actionId}"]`).click()
  const d = dialog(page)
  await d.waitFor()
  return d
}

/** Submits the open action dialog and waits for the server's verdict. */
export async function submitAction(page, { expectError = false } = {}) {
  const d = dialog(page)
  await d.locator('[data-test=action-submit]').click()
  if (expectError) {
    await d.locator('.el-form-item__error, [data-test=action-error]').first().waitFor()
    return d
  }
  await waitSuccess(page)
  await d.waitFor({ state: 'hidden' })
  return null
}

export async function taskIds(page, base) {
  await page.goto(`${base}/tasks`)
  await page.locator('[data-test=tasks] .el-table__body-wrapper, [data-test=tasks] .el-table__empty-block').first().waitFor()
  // Wait until loading is over (the v-loading mask goes away).
  await page.locator('[data-test=tasks] .el-loading-mask').waitFor({ state: 'detached' }).catch(() => undefined)
  const links = await page.locator('[data-test^="task-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-test')))
  return links.filter((x) => /^task-\d+$/.test(x)).map((x) => Number(x.slice(5)))
}

export async function expectText(locator, re) {
  const text = await locator.innerText()
  assert.match(text, re)
}

/** Waits until the text matches: lists load from the server after each search or page click. */
export async function waitText(locator, re, timeout = 15000) {
  const until = Date.now() + timeout
  for (;;) {
    const text = await locator.innerText()
    if (re.test(text)) return text
    if (Date.now() > until) assert.match(text, re)
    await locator.page().waitForTimeout(100)
  }
}
