/**
 * The production build with a deployment URL: `webpack --mode production --env url=…` (what
 * `npm run build -- --env url=…` runs) writes a manifest.xml whose every address is under that URL
 * and names no localhost; SELFEVAL_URL does the same. The URL checks and the rewrite, then one real
 * build into a temporary folder whose manifest is parsed.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const ROOT = path.resolve(__dirname, '..');

// Plain CommonJS shared with webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deployUrl, rewriteManifest } = require('../scripts/deploy-url') as {
  deployUrl(env?: Record<string, unknown>, environ?: Record<string, string | undefined>): string | null;
  rewriteManifest(xml: string, url: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require('xml2js') as { parseStringPromise(xml: string): Promise<unknown> };

/** Every attribute value and text node of a parsed XML document. */
function values(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) for (const n of node) values(n, out);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) values(v, out);
  return out;
}

const SCHEMA = /^https?:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//;

describe('deployUrl', () => {
  test('from --env url or SELFEVAL_URL (--env first), normalised to end in /', () => {
    expect(deployUrl({ url: 'https://oa.czt.example.gov.cn/selfeval' }, {})).toBe(
      'https://oa.czt.example.gov.cn/selfeval/',
    );
    expect(deployUrl({}, { SELFEVAL_URL: 'https://10.1.2.3:8443/addins/selfeval/' })).toBe(
      'https://10.1.2.3:8443/addins/selfeval/',
    );
    expect(deployUrl({ url: 'https://a.example/x/' }, { SELFEVAL_URL: 'https://b.example/' })).toBe(
      'https://a.example/x/',
    );
    expect(deployUrl({}, {})).toBeNull();
    expect(deployUrl({ url: '  ' }, {})).toBeNull();
  });

  test('refuses what Office could not load: not https, relative, query or credentials', () => {
    expect(() => deployUrl({ url: 'http://intranet.example/selfeval/' }, {})).toThrow(/https/);
    expect(() => deployUrl({ url: 'intranet.example/selfeval' }, {})).toThrow(/absolute URL/);
    expect(() => deployUrl({ url: 'https://intranet.example/?v=1' }, {})).toThrow(/query/);
    expect(() => deployUrl({ url: 'https://u:p@intranet.example/' }, {})).toThrow(/credentials/);
  });
});

test('rewriteManifest moves every dev address and refuses to leave a localhost behind', () => {
  const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
  const out = rewriteManifest(xml, 'https://intranet.example/a&b/');
  expect(out).toContain('"https://intranet.example/a&amp;b/taskpane.html"');
  expect(out).toContain('<AppDomain>https://intranet.example</AppDomain>');
  expect(out.replace(/<!--[\s\S]*?-->/g, '')).not.toContain('localhost');
  // The comment says what the file is for; still well-formed XML (no "--" inside a comment).
  expect(out).toContain('Built for https://intranet.example/a&b/');
  expect(rewriteManifest(xml, 'https://a--b.example/')).toContain('Built for https://a-%2Db.example/');
  expect(() => rewriteManifest(`${xml}<x a="http://localhost:8080/y"/>`, 'https://intranet.example/')).toThrow(
    /localhost:8080/,
  );
});

describe('production build with --env url', () => {
  const URL_ = 'https://selfeval.czt.example.gov.cn/addin/v1/';
  let out: string;
  let manifest: string;

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'selfeval-dist-'));
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/webpack-cli/bin/cli.js'),
        '--mode',
        'production',
        '--env',
        `url=${URL_.replace(/\/$/, '')}`,
        '--output-path',
        out,
      ],
      { cwd: ROOT, stdio: 'pipe', env: { ...process.env, SELFEVAL_URL: '' } },
    );
    manifest = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
  }, 240000);

  afterAll(() => {
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  test('every URL in dist-web/manifest.xml is under the deployment URL, and no localhost', async () => {
    const doc = await xml2js.parseStringPromise(manifest);
    expect(manifest).toContain(`Built for ${URL_}`);
    const urls = values(doc).filter((v) => /^https?:\/\//.test(v) && !SCHEMA.test(v));
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const u of urls) expect(u === 'https://selfeval.czt.example.gov.cn' || u.startsWith(URL_)).toBe(true);
    expect(manifest.replace(/<!--[\s\S]*?-->/g, '')).not.toMatch(/localhost|127\.0\.0\.1/);
    // Each page and icon the manifest names is in the build, at the path the URL gives.
    for (const u of urls.filter((x) => x.startsWith(URL_))) {
      expect(fs.existsSync(path.join(out, u.slice(URL_.length)))).toBe(true);
    }
  });

  test('office-addin-manifest reads the built manifest: source location on the deployment URL', () => {
    const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(${JSON.stringify(
      path.join(out, 'manifest.xml'),
    )}).then((i) => process.stdout.write(JSON.stringify(i)))`;
    const info = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
    expect(info.defaultSettings.sourceLocation).toBe(`${URL_}taskpane.html`);
    expect(info.hosts).toEqual(['Workbook']);
  });

  test('the repository manifest is untouched (still the dev server)', () => {
    expect(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8')).toContain('https://localhost:3000/taskpane.html');
  });
});
