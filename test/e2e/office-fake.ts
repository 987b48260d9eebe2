/**
 * Browser build of the recording Excel fake (test/excel/fake-excel.ts), standing in for office.js in
 * test/e2e/officemode.test.ts: the test serves this bundle wherever the page asks for office.js. It
 * defines `Office` and `Excel` before the pane's own script runs (office.js is a plain, blocking
 * script in the page head), from what the test put in `window.__SELFEVAL_FAKE_INIT__` with an init
 * script: the workbook's sheets (read from the fixture in Node), the fake's options and Office's
 * display language. The fake itself is `window.__selfevalFake`, for the test to inspect cells.
 */
import { FakeExcel, FakeOptions, FakeSheetInit, createFakeExcel } from '../excel/fake-excel';

interface FakeInit {
  sheets: FakeSheetInit[];
  options?: FakeOptions;
  displayLanguage?: string;
}

const w = window as unknown as {
  __SELFEVAL_FAKE_INIT__?: FakeInit;
  __selfevalFake?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
};

const init = w.__SELFEVAL_FAKE_INIT__ ?? { sheets: [] };
const fake = createFakeExcel(init.sheets, init.options ?? {});
const info = { host: 'Excel', platform: 'OfficeOnline' };

w.__selfevalFake = fake;
w.Office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  onReady(cb?: (i: typeof info) => void) {
    if (cb) setTimeout(() => cb(info), 0);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: init.displayLanguage ?? 'zh-CN',
    platform: 'OfficeOnline',
    diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.0.0 (fake-excel)' },
    requirements: { isSetSupported: (name: string, version: string) => fake.isSetSupported(name, version) },
  },
};
w.Excel = { run: fake.run };
