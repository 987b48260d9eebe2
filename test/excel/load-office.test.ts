/**
 * src/excel/load-office.js: the task pane loads office.js (Microsoft's CDN) only when the window
 * carries the host information office.js itself looks for; in a plain browser it writes nothing, so
 * the file mode makes no request. Run in a vm sandbox exactly as the browser runs it.
 */
import { readFileSync } from 'fs';
import path from 'path';
import vm from 'vm';

const SOURCE = readFileSync(path.join(__dirname, '../../src/excel/load-office.js'), 'utf8');
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

interface FakeWindow {
  location: { search: string };
  name: string;
  sessionStorage?: { getItem(k: string): string | null };
  external?: unknown;
  agaveHost?: unknown;
}

/** Run the script as a page would: returns what it wrote into the document. */
function runInPage(win: Partial<FakeWindow>, attr: string | null = CDN): string[] {
  const written: string[] = [];
  const window: FakeWindow = { location: { search: '' }, name: '', ...win };
  const document = {
    currentScript: { getAttribute: (k: string) => (k === 'data-office-js' ? attr : null) },
    write: (html: string) => written.push(html),
  };
  vm.runInNewContext(SOURCE, { window, document });
  return written;
}

const tag = (src: string) => `<script src="${src}"></script>`;

describe('load-office.js', () => {
  test('a plain browser (file mode): nothing is written, so nothing is requested', () => {
    expect(runInPage({})).toEqual([]);
    // Chrome's window.external has no GetHostInfo; an unrelated window.name and an empty storage.
    expect(
      runInPage({ external: { AddSearchProvider() {} }, name: 'x', sessionStorage: { getItem: () => null } }),
    ).toEqual([]);
    expect(runInPage({ location: { search: '?lang=en' }, name: '{"other":1}' })).toEqual([]);
  });

  test('Excel on the web / Windows / Mac: the _host_Info parameter → office.js from the CDN', () => {
    expect(runInPage({ location: { search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' } })).toEqual([tag(CDN)]);
    expect(runInPage({ location: { search: '?lang=en&_host_Info=Excel|Web|16.00|en-US|x|' } })).toEqual([tag(CDN)]);
  });

  test("office.js's other sources of host information: window.name JSON, sessionStorage, GetHostInfo", () => {
    expect(runInPage({ name: JSON.stringify({ hostInfo: 'Excel$Mac$16.01$en-US' }) })).toEqual([tag(CDN)]);
    expect(
      runInPage({ sessionStorage: { getItem: (k) => (k === 'hostInfoValue' ? 'Excel|Web|16.00|zh-CN' : null) } }),
    ).toEqual([tag(CDN)]);
    expect(runInPage({ external: { GetHostInfo: () => 'Excel$Win32$16.01$zh-CN' } })).toEqual([tag(CDN)]);
    expect(runInPage({ agaveHost: { GetHostInfo: () => 'Excel$Mac$16.01$zh-CN' } })).toEqual([tag(CDN)]);
  });

  test('a throwing storage or host bridge does not break the page', () => {
    const storage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    const external = {
      GetHostInfo: () => {
        throw new Error('no');
      },
    };
    expect(runInPage({ sessionStorage: storage, external })).toEqual([]);
  });

  test('the opt-in local build: data-office-js="office.js" loads the local copy; no attribute: the CDN', () => {
    const search = { location: { search: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' } };
    expect(runInPage(search, 'office.js')).toEqual([tag('office.js')]);
    expect(runInPage(search, null)).toEqual([tag(CDN)]);
  });
});
