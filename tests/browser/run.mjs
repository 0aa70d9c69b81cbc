#!/usr/bin/env node
// The browser suite: starts its own qcredit-server (demo data, simulated clock, a temp
// SQLite database), drives Debian's chromium through playwright-core, and prints
// `browser: N passed, M failed, K skipped`. Exit status 1 on any failure.
//
//   node tests/browser/run.mjs [--server build/qcredit-server] [--artifacts build/browser-artifacts]
//                              [--workflows DIR] [--chromium /usr/bin/chromium]
//   QC_BROWSER_ONLY=<part of a test name> runs only the matching tests.
import { createRequire } from 'node:module'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startServer } from './lib/server.mjs'
import { Api } from './lib/api.mjs'
import { runTests } from './lib/harness.mjs'
import login from './specs/login.mjs'
import workplan from './specs/workplan.mjs'
import staff from './specs/staff.mjs'
import enterprise from './specs/enterprise.mjs'
import portal from './specs/portal.mjs'
import jiangsu from './specs/jiangsu.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const { values: opts } = parseArgs({
  options: {
    server: { type: 'string', default: process.env.QC_SERVER_BIN || join(root, 'build', 'qcredit-server') },
    artifacts: { type: 'string', default: join(root, 'build', 'browser-artifacts') },
    chromium: { type: 'string', default: process.env.QC_CHROMIUM || '/usr/bin/chromium' },
    // Another procedure directory (e.g. one with a draft procedure to walk).
    workflows: { type: 'string', default: process.env.QC_WORKFLOWS || join(root, 'workflows') },
  },
})

// playwright-core is a dev dependency of the web UI: installed by scripts/build-web.
const require = createRequire(join(root, 'web', 'package.json'))
const { chromium } = require('playwright-core')

const artifacts = resolve(opts.artifacts)
rmSync(artifacts, { recursive: true, force: true })
mkdirSync(artifacts, { recursive: true })

let server = null
let browser = null
async function cleanup() {
  if (browser) await browser.close().catch(() => undefined)
  if (server) await server.stop().catch(() => undefined)
}
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(1))
  })

let result = { passed: 0, failed: 1, skipped: 0 }
try {
  server = await startServer({ root, bin: resolve(opts.server), workflows: resolve(opts.workflows) })
  console.log(`browser: server ${server.base}, chromium ${opts.chromium}`)
  // playwright gives chromium a fresh temporary user-data-dir of its own, and each test
  // gets fresh contexts: runs never share state.
  browser = await chromium.launch({
    executablePath: opts.chromium,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
  const api = new Api(server.base)
  result = await runTests([...login, ...workplan, ...staff, ...enterprise, ...portal, ...jiangsu], {
    browser,
    base: server.base,
    api,
    artifacts,
  })
  if (result.failed) console.log(`--- server log (last lines) ---\n${server.log().split('\n').slice(-40).join('\n')}`)
} catch (e) {
  console.log(`browser: suite could not run: ${e && e.stack ? e.stack : e}`)
} finally {
  await cleanup()
}
console.log(`browser: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`)
process.exit(result.failed ? 1 : 0)
