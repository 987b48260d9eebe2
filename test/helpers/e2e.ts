/**
 * Browser tests need Debian's chromium. Without it they skip, saying why — unless SELFEVAL_REQUIRE_E2E=1
 * (set by .ci/run), when a missing chromium is a failing test instead of a quiet skip.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import http from 'http';
import { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import type { BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** `describe` when chromium is present; otherwise a skip, or a failing test when the browser test is required. */
export function browserDescribe(what: string): (name: string, fn: () => void) => void {
  if (fs.existsSync(CHROMIUM)) return describe;
  const why = `${what}: ${CHROMIUM} not found (apt-get install -y chromium fonts-wqy-zenhei)`;
  if (process.env.SELFEVAL_REQUIRE_E2E === '1') {
    return (name: string) =>
      describe(name, () => {
        test('chromium is installed (SELFEVAL_REQUIRE_E2E=1)', () => {
          throw new Error(`${why}; SELFEVAL_REQUIRE_E2E=1 requires the browser test to run`);
        });
      });
  }
  console.warn(`${why}; skipped`);
  return describe.skip;
}

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist-web');

/** Newest modification time under the given paths (files or folders). */
export function newest(paths: string[]): number {
  let t = 0;
  const visit = (p: string) => {
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else t = Math.max(t, st.mtimeMs);
  };
  for (const p of paths) if (fs.existsSync(p)) visit(p);
  return t;
}

/** What dist-web is built from: a build newer than all of it is reused by every browser test. */
export const WEB_SOURCES = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'package-lock.json'].map((p) =>
  path.join(ROOT, p),
);

/** Build dist-web (production) unless it is newer than everything it is built from. */
export function ensureWebBuild(): void {
  const stamp = path.join(DIST, 'taskpane.html');
  if (fs.existsSync(stamp) && fs.statSync(stamp).mtimeMs > newest(WEB_SOURCES)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** A static server for `dir` on 127.0.0.1 (a free port); nothing outside `dir` is served. */
export function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = path.join(dir, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The server's origin, `http://127.0.0.1:PORT`. */
export function originOf(server: http.Server): string {
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * Debian's chromium through playwright-core, in a fresh profile folder (removed by the caller), in Chinese,
 * with no background traffic of its own.
 */
export async function launchChromium(
  profilePrefix: string,
  opts: { viewport: { width: number; height: number }; acceptDownloads?: boolean },
): Promise<{ context: BrowserContext; profile: string }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), profilePrefix));
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    ...opts,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return { context, profile };
}
