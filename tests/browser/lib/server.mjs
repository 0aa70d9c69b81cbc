// Starts build/qcredit-server for the suite: demo data, simulated clock, the built UI, a
// fresh SQLite database in a temp dir, on a free loopback port. Stopped by stop().
import { spawn } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, rmSync, existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

export async function startServer({ root, bin, workflows = join(root, 'workflows') }) {
  if (!existsSync(bin)) throw new Error(`server binary not found: ${bin} (run scripts/build)`)
  const web = join(root, 'web', 'dist')
  if (!existsSync(join(web, 'index.html'))) throw new Error(`web/dist/index.html missing (run scripts/build-web)`)
  const dir = mkdtempSync(join(tmpdir(), 'qcredit-browser-'))
  const port = await freePort()
  const logPath = join(dir, 'server.log')
  const log = openSync(logPath, 'w')
  const args = [
    '--listen', `127.0.0.1:${port}`,
    '--db', `sqlite:${join(dir, 'qcredit.db')}`,
    '--demo', '--simulated-clock',
    '--web', web,
    '--workflows', workflows,
    '--plugins', join(root, 'plugins'),
    '--threads', '2',
  ]
  const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', log, log] })
  let exited = null
  child.on('exit', (code, signal) => (exited = { code, signal }))
  const base = `http://127.0.0.1:${port}`

  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM')
      for (let i = 0; i < 50 && exited === null; i++) await sleep(100)
      if (exited === null) child.kill('SIGKILL')
    }
    rmSync(dir, { recursive: true, force: true })
  }

  // Demo users are hashed with argon2id on first start: allow a generous minute.
  for (let i = 0; i < 600; i++) {
    if (exited !== null) {
      const text = readFileSync(logPath, 'utf8')
      await stop()
      throw new Error(`server exited (${JSON.stringify(exited)}) before it was ready:\n${text.slice(-4000)}`)
    }
    try {
      const r = await fetch(`${base}/readyz`)
      if (r.ok) break
    } catch {
      // not listening yet
    }
    if (i === 599) {
      await stop()
      throw new Error('server not ready after 60 s')
    }
    await sleep(100)
  }
  return { base, port, dir, logPath, stop, log: () => readFileSync(logPath, 'utf8') }
}
