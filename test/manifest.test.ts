/**
 * manifest.xml, offline: what office-addin-manifest reads from it, its ribbon, locales and
 * requirement sets, that every icon it names exists in assets/ at its pixel size, and that the
 * ExecuteFunction name is the one src/commands registers with Office.actions.associate.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const ORIGIN = 'https://localhost:3000/';

type Node = { $?: Record<string, string>; _?: string; [child: string]: unknown };

// xml2js comes with office-addin-manifest (no types of its own).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const xml2js = require('xml2js') as { parseStringPromise(xml: string): Promise<{ OfficeApp: Node }> };

/** Every element named `name` (namespace prefix ignored) anywhere under `node`. */
function all(node: unknown, name: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) {
    for (const n of node) all(n, name, out);
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === '$' || k === '_') continue;
      if (k.replace(/^.*:/, '') === name) {
        out.push(...(v as (Node | string)[]).map((x) => (typeof x === 'string' ? { _: x } : x)));
      }
      all(v, name, out);
    }
  }
  return out;
}

const text = (n: Node): string => (n._ ?? '').trim();

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

let app: Node;
beforeAll(async () => {
  app = (await xml2js.parseStringPromise(fs.readFileSync(MANIFEST, 'utf8'))).OfficeApp;
});

test('office-addin-manifest reads it: TaskPaneApp for Workbook, ReadWriteDocument, zh-CN, dev source location', () => {
  const script = `require('office-addin-manifest').OfficeAddinManifest.readManifestFile(${JSON.stringify(MANIFEST)})
    .then((i) => process.stdout.write(JSON.stringify(i)))`;
  const info = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }));
  expect(info.officeAppType).toBe('TaskPaneApp');
  expect(info.hosts).toEqual(['Workbook']);
  expect(info.permissions).toBe('ReadWriteDocument');
  expect(info.defaultLocale).toBe('zh-CN');
  expect(info.displayName).toBe('绩效自评助手');
  expect(info.defaultSettings.sourceLocation).toBe(`${ORIGIN}taskpane.html`);
  expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
});

test('`office-addin-manifest info` parses it offline', () => {
  const out = execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/office-addin-manifest/cli.js'), 'info', MANIFEST],
    { cwd: ROOT, encoding: 'utf8', timeout: 30000 },
  );
  expect(out).toContain('Hosts: Workbook');
  expect(out).toContain('Permissions: ReadWriteDocument');
});

test('every localised string has an en-US override, and no other locale is used', () => {
  const overrides = all(app, 'Override');
  expect(new Set(overrides.map((o) => o.$!.Locale))).toEqual(new Set(['en-US']));
  const localised = [...all(app, 'DisplayName'), ...all(app, 'Description'), ...all(app, 'String')].filter(
    (el) => el.$?.DefaultValue !== undefined,
  );
  expect(localised.length).toBeGreaterThanOrEqual(9);
  for (const el of localised) {
    const en = all(el, 'Override');
    expect({ id: el.$!.id ?? el.$!.DefaultValue, en: en.length }).toEqual({
      id: el.$!.id ?? el.$!.DefaultValue,
      en: 1,
    });
    expect(en[0].$!.Value.length).toBeGreaterThan(0);
  }
});

test('minimum requirement sets: ExcelApi 1.13 in the base manifest and for the ribbon', () => {
  const sets = all(app, 'Set').map((s) => `${s.$!.Name} ${s.$!.MinVersion}`);
  expect(sets.filter((s) => s.startsWith('ExcelApi'))).toEqual(['ExcelApi 1.13', 'ExcelApi 1.13']);
  expect(sets).toContain('AddinCommands 1.1');
  expect(sets).toContain('DialogApi 1.1');
});

test('ribbon: group 绩效自评 on the Home tab with 一键重算 (function) and 打开助手 (task pane)', () => {
  const strings = new Map(all(app, 'String').map((s) => [s.$!.id, s.$!.DefaultValue]));
  const tabs = all(app, 'OfficeTab');
  expect(tabs.map((t) => t.$!.id)).toEqual(['TabHome']);
  const groups = all(tabs[0], 'Group');
  expect(groups).toHaveLength(1);
  expect(strings.get(all(groups[0], 'Label')[0].$!.resid)).toBe('绩效自评');
  const buttons = all(groups[0], 'Control').map((c) => ({
    label: strings.get(all(c, 'Label')[0].$!.resid),
    action: all(c, 'Action')[0].$!['xsi:type'],
  }));
  expect(buttons).toEqual([
    { label: '一键重算', action: 'ExecuteFunction' },
    { label: '打开助手', action: 'ShowTaskpane' },
  ]);
  const urls = new Map(all(app, 'Url').map((u) => [u.$!.id, u.$!.DefaultValue]));
  expect(urls.get(all(app, 'FunctionFile')[0].$!.resid)).toBe(`${ORIGIN}commands.html`);
  const show = all(app, 'Action').find((a) => a.$!['xsi:type'] === 'ShowTaskpane')!;
  expect(urls.get(all(show, 'SourceLocation')[0].$!.resid)).toBe(`${ORIGIN}taskpane.html`);
});

test('every icon URL names a PNG in assets/ with the right pixel size', () => {
  const images = new Map(
    all(app, 'Image')
      .filter((i) => i.$!.id)
      .map((i) => [i.$!.id, i.$!.DefaultValue]),
  );
  const expectSize = (url: string, size: number) => {
    expect(url.startsWith(`${ORIGIN}assets/`)).toBe(true);
    const file = path.join(ROOT, url.slice(ORIGIN.length));
    expect(fs.existsSync(file)).toBe(true);
    expect(pngSize(file)).toEqual({ width: size, height: size });
  };
  for (const [id, url] of images) expectSize(url, Number(/(\d+)x\1$/.exec(id)![1]));
  // Each ribbon reference asks for the size its image has.
  for (const ref of all(app, 'Image').filter((i) => i.$!.resid)) {
    expectSize(images.get(ref.$!.resid)!, Number(ref.$!.size));
  }
  expectSize(all(app, 'IconUrl')[0].$!.DefaultValue, 32);
  expectSize(all(app, 'HighResolutionIconUrl')[0].$!.DefaultValue, 64);
  expect([...images.values()].length).toBeGreaterThanOrEqual(4);
});

test('every URL is on the dev origin', () => {
  const xml = fs.readFileSync(MANIFEST, 'utf8');
  const urls = [...xml.matchAll(/"(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
  const own = urls.filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));
  expect(own.length).toBeGreaterThan(5);
  for (const u of own) expect(u === 'https://localhost:3000' || u.startsWith(ORIGIN)).toBe(true);
});

test('the ExecuteFunction name is the one src/commands registers with Office.actions.associate', async () => {
  const names = all(app, 'FunctionName').map(text);
  expect(names).toHaveLength(1);
  const associate = jest.fn();
  const g = globalThis as unknown as { Office?: unknown };
  const saved = g.Office;
  g.Office = { onReady: (cb: () => void) => cb(), actions: { associate } };
  try {
    await jest.isolateModulesAsync(async () => {
      await import('../src/commands/commands');
    });
  } finally {
    g.Office = saved;
  }
  expect(associate).toHaveBeenCalledTimes(1);
  expect(associate.mock.calls[0][0]).toBe(names[0]);
  expect(typeof associate.mock.calls[0][1]).toBe('function');
});
