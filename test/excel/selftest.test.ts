/** 自检 on the fake: every step passes on a full Excel, failing steps are named with their error, the sheet is gone. */
import { createExcelHost } from '../../src/excel';
import { SELFTEST_SHEET, runSelfTest } from '../../src/excel/selftest';
import { createFakeExcel } from './fake-excel';

const env = (fake: ReturnType<typeof createFakeExcel>) => ({
  platform: 'OfficeOnline',
  version: '16.0.18129.10000',
  host: 'Excel',
  displayLanguage: 'zh-CN',
  isSetSupported: fake.isSetSupported,
  now: () => new Date('2026-11-26T09:00:00Z'),
  eventTimeoutMs: 500,
});

describe('self-test', () => {
  test('a full Excel: every step passes, the scratch sheet is removed, the user sheets untouched', async () => {
    const fake = createFakeExcel([
      {
        name: '项目表',
        values: [
          ['项目名称', '预算数'],
          ['甲', 100],
        ],
      },
    ]);
    const before = fake.sheet('项目表').sortedCells();
    const r = await runSelfTest(fake.run, { ...env(fake), markMode: 'notes' }, 'zh');
    expect(r.steps.map((s) => [s.id, s.ok])).toEqual([
      ['create', true],
      ['write', true],
      ['read', true],
      ['fill', true],
      ['note', true],
      ['merge', true],
      ['event', true],
      ['settings', true],
      ['remove', true],
    ]);
    expect(r.ok).toBe(true);
    expect(fake.sheetNames()).toEqual(['项目表']);
    expect(fake.sheet('项目表').sortedCells()).toEqual(before);
    const lines = r.text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '绩效自评助手 自检结果',
      '时间: 2026-11-26T09:00:00.000Z',
      '平台: OfficeOnline; 宿主: Excel; Office 16.0.18129.10000; 显示语言: zh-CN',
      'ExcelApi: 1.1 1.5 1.7 1.8 1.9 1.10 1.12 1.13 1.14 1.16 1.17 1.18 1.19 1.20',
    ]);
    expect(lines).toContain('标记方式: notes');
    expect(lines).toContain(`[通过] 合并单元格（areas 读取）: ${SELFTEST_SHEET}!A4:C4`);
    expect(lines.at(-1)).toBe('全部通过。');
  });

  test('notes failing: the step fails with its error, comments are tried, the rest still run, English text', async () => {
    const fake = createFakeExcel([{ name: 'Data', values: [[1]] }], { notes: 'throws' });
    const r = await runSelfTest(fake.run, { ...env(fake), markMode: 'notes' }, 'en');
    const byId = Object.fromEntries(r.steps.map((s) => [s.id, s]));
    expect(byId.note).toEqual({
      id: 'note',
      ok: false,
      detail: 'GeneralException: An internal error has occurred (notes).',
    });
    expect(byId.comment.ok).toBe(true);
    expect(byId.settings.ok).toBe(true);
    expect(byId.remove.ok).toBe(true);
    expect(r.ok).toBe(false);
    expect(r.text).toContain('[FAIL] notes (ExcelApi 1.18): GeneralException: An internal error has occurred (notes).');
    expect(r.text.split('\n').at(-1)).toBe('1 step(s) failed.');
    expect(fake.sheetNames()).toEqual(['Data']);
  });

  test('notes missing from office.js, no events, a protected workbook: each failing step says why', async () => {
    const fake = createFakeExcel([{ name: 'Data', values: [[1]] }], { notes: 'absent', comments: false });
    const noEvents = await runSelfTest(fake.run, { ...env(fake), markMode: 'notes' }, 'en');
    const ids = (ok: boolean) => noEvents.steps.filter((s) => s.ok === ok).map((s) => s.id);
    expect(ids(false)).toEqual(['note', 'comment']);
    expect(noEvents.steps.find((s) => s.id === 'note')!.detail).toBe('worksheet.notes is missing in this office.js');
    expect(noEvents.steps.find((s) => s.id === 'comment')!.detail).toMatch(/^ApiNotFound: /);
    // Protected structure: the sheet cannot be added, so only that and the removal are tried.
    const locked = createFakeExcel([{ name: 'Data', values: [[1]] }]);
    locked.setWorkbookProtected(true);
    const r = await runSelfTest(locked.run, env(locked), 'zh');
    expect(r.steps.map((s) => [s.id, s.ok])).toEqual([
      ['create', false],
      ['remove', false],
    ]);
    expect(r.steps[0].detail).toBe('AccessDenied: The workbook structure is protected.');
    expect(r.text).toContain('[失败] 新建极隐藏工作表: AccessDenied: The workbook structure is protected.');
  });

  test('the host runs it in its mark mode: comments when notes are absent', async () => {
    const fake = createFakeExcel([{ name: 'Data', values: [[1]] }], { notes: 'absent' });
    const host = createExcelHost(fake.run, { isSetSupported: fake.isSetSupported });
    const r = await host.selfTest('en');
    expect(r.steps.map((s) => s.id)).toEqual([
      'create',
      'write',
      'read',
      'fill',
      'comment',
      'merge',
      'event',
      'settings',
      'remove',
    ]);
    expect(r.ok).toBe(true);
    expect(r.text).toContain('Mark mode: comments');
  });
});
