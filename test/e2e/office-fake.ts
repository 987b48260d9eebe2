/**
 * Browser build of the recording Excel fake (test/excel/fake-excel.ts), standing in for office.js in
 * test/e2e/officemode.test.ts: the test serves this bundle wherever the page asks for office.js. It
 * defines `Office` and `Excel` before the pane's own script runs (office.js is a plain, blocking
 * script in the page head), from what the test put in `window.__SELFEVAL_FAKE_INIT__` with an init
 * script: the workbook's sheets (read from the fixture in Node), the fake's options and Office's
 * display language. The fake itself is `window.__selfevalFake`, for the test to inspect cells; the
 * ribbon's functions registered with `Office.actions.associate` are in `window.__selfevalActions`,
 * and the dialogs the page asked Office to open in `window.__selfevalDialogs`.
 */
// First: the fake measures bytes with Buffer.byteLength.
import './office-buffer-shim';
import { FakeExcel, FakeOptions, FakeSheetInit, createFakeExcel } from '../excel/fake-excel';

interface FakeInit {
  sheets: FakeSheetInit[];
  options?: FakeOptions;
  displayLanguage?: string;
}

const w = window as unknown as {
  __SELFEVAL_FAKE_INIT__?: FakeInit;
  __selfevalFake?: FakeExcel;
  __selfevalActions?: Record<string, (event?: unknown) => unknown>;
  __selfevalDialogs?: { url: string; options: unknown; closed: boolean }[];
  Office?: unknown;
  Excel?: unknown;
};

const init = w.__SELFEVAL_FAKE_INIT__ ?? { sheets: [] };
const fake = createFakeExcel(init.sheets, init.options ?? {});
const info = { host: 'Excel', platform: 'OfficeOnline' };

const actions: Record<string, (event?: unknown) => unknown> = {};
const dialogs: { url: string; options: unknown; closed: boolean }[] = [];

w.__selfevalFake = fake;
w.__selfevalActions = actions;
w.__selfevalDialogs = dialogs;
w.Office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
  actions: {
    associate(name: string, fn: (event?: unknown) => unknown) {
      actions[name] = fn;
    },
  },
  onReady(cb?: (i: typeof info) => void) {
    if (cb) setTimeout(() => cb(info), 0);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: init.displayLanguage ?? 'zh-CN',
    platform: 'OfficeOnline',
    diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.0.0 (fake-excel)' },
    requirements: { isSetSupported: (name: string, version: string) => fake.isSetSupported(name, version) },
    ui: {
      /** Records the dialog; the test opens its URL itself. */
      displayDialogAsync(url: string, options: unknown, cb?: (r: unknown) => void) {
        const d = { url, options, closed: false };
        dialogs.push(d);
        const dialog = {
          close() {
            d.closed = true;
          },
          addEventHandler() {},
        };
        setTimeout(() => cb?.({ status: 'succeeded', value: dialog }), 0);
      },
      messageParent() {},
    },
  },
};
w.Excel = { run: fake.run };
