// A tiny sequential test runner sharing one browser: each test gets fresh browser
// contexts (no shared cookies or storage), screenshots of its pages on failure, and
// fails on any uncaught error in a page and on anything the server's
// Content-Security-Policy blocked (docs/security.md "Browser policy").
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export class Skip extends Error {}

export function skip(reason) {
  throw new Skip(reason)
}

function safeName(s) {
  return s.replace(/[^a-zA-Z0-9_-]+/g, '_').slice(0, 80)
}

export async function runTests(tests, env) {
  let passed = 0
  let failed = 0
  let skipped = 0
  const only = process.env.QC_BROWSER_ONLY
  for (const t of tests) {
    if (only && !t.name.includes(only)) continue
    const started = Date.now()
    const contexts = []
    const pageErrors = []
    const ctx = {
      ...env,
      // A page in a fresh context; viewport 1366×768 unless told otherwise.
      async newPage(opts = {}) {
        const c = await env.browser.newContext({
          viewport: opts.viewport ?? { width: 1366, height: 768 },
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          acceptDownloads: true,
          ...(opts.isMobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
        })
        c.setDefaultTimeout(15000)
        contexts.push(c)
        const p = await c.newPage()
        p.on('pageerror', (e) => pageErrors.push(`${p.url()}: ${e.message}`))
        // Chromium reports each blocked script, style, image or request on the console.
        p.on('console', (m) => {
          if (m.type() === 'error' && /Content Security Policy/i.test(m.text()))
            pageErrors.push(`${p.url()}: ${m.text()}`)
        })
        return p
      },
      async shot(page, name) {
        const dir = join(env.artifacts, 'pages')
        mkdirSync(dir, { recursive: true })
        await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true })
      },
    }
    try {
      await t.fn(ctx)
      if (pageErrors.length) throw new Error(`uncaught error in the page:\n  ${pageErrors.join('\n  ')}`)
      passed++
      console.log(`ok    ${t.name} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    } catch (e) {
      if (e instanceof Skip) {
        skipped++
        console.log(`skip  ${t.name}: ${e.message}`)
      } else {
        failed++
        console.log(`FAIL  ${t.name}: ${e && e.stack ? e.stack : e}`)
        const dir = join(env.artifacts, 'failures')
        mkdirSync(dir, { recursive: true })
        let i = 0
        for (const c of contexts)
          for (const p of c.pages()) {
            const file = join(dir, `${safeName(t.name)}-${i++}.png`)
            await p.screenshot({ path: file, fullPage: true }).catch(() => undefined)
            console.log(`      screenshot: ${file} (${p.url()})`)
          }
      }
    } finally {
      for (const c of contexts) await c.close().catch(() => undefined)
    }
  }
  return { passed, failed, skipped }
}
