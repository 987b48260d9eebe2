/**
 * 自检 (self-test): runs each office.js API the add-in uses on a scratch, very hidden sheet — create
 * it, write, read back, fill, note or comment, merge and read the merged areas, the change event, the
 * settings storage — then removes the sheet, and returns ONE copyable text: platform, Office version,
 * the requirement sets Office reports, the mark mode, and pass or fail with the error for each step.
 * The first user in real Excel can send that text back. Each step runs in its own Excel.run, so one
 * failure does not hide the others; the sheet is removed whatever happened.
 */
import { Lang } from '../engine';
import { SELFTEST_TEXT } from '../i18n/selftest';
import { HostError } from './errors';
import { MarkMode, commentsPresent, notesPresent } from './marks';

export const SELFTEST_SHEET = '_selfeval_selftest';

export interface SelfTestStep {
  id: string;
  ok: boolean;
  /** The error (code: message) when it failed; what was seen when it passed. */
  detail: string;
}

export interface SelfTestReport {
  steps: SelfTestStep[];
  ok: boolean;
  text: string;
}

export interface SelfTestEnv {
  /** `Office.context.diagnostics` (platform, version, host), when present. */
  platform?: string;
  version?: string;
  host?: string;
  displayLanguage?: string;
  isSetSupported?: (name: string, version: string) => boolean;
  /** The mark mode the host settled on (or will try first). */
  markMode?: MarkMode;
  /** How long to wait for the change event (ms). Default 3000. */
  eventTimeoutMs?: number;
  now?: () => Date;
}

const REQUIREMENT_SETS: [string, string[]][] = [
  [
    'ExcelApi',
    ['1.1', '1.5', '1.7', '1.8', '1.9', '1.10', '1.12', '1.13', '1.14', '1.16', '1.17', '1.18', '1.19', '1.20'],
  ],
  ['DialogApi', ['1.1', '1.2']],
  ['AddinCommands', ['1.1', '1.3']],
  ['SharedRuntime', ['1.1']],
];

function errorText(e: unknown): string {
  if (e instanceof HostError) return `${e.code ?? 'HostError'}: ${e.messageEn}`;
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  const msg = e instanceof Error ? e.message : String(e);
  return code ? `${code}: ${msg}` : msg;
}

/** The environment office.js reports (Office undefined: all unknown). */
export function officeEnv(): SelfTestEnv {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const diag = office?.context?.diagnostics;
  const req = office?.context?.requirements;
  return {
    platform: diag?.platform ? String(diag.platform) : undefined,
    version: diag?.version,
    host: diag?.host ? String(diag.host) : undefined,
    displayLanguage: office?.context?.displayLanguage,
    isSetSupported: req && typeof req.isSetSupported === 'function' ? (n, v) => req.isSetSupported(n, v) : undefined,
  };
}

export async function runSelfTest(
  run: typeof Excel.run,
  env: SelfTestEnv = {},
  lang: Lang = 'zh',
): Promise<SelfTestReport> {
  const steps: SelfTestStep[] = [];
  const step = async (id: string, fn: () => Promise<string>): Promise<boolean> => {
    try {
      steps.push({ id, ok: true, detail: await fn() });
      return true;
    } catch (e) {
      steps.push({ id, ok: false, detail: errorText(e) });
      return false;
    }
  };
  const onSheet = <T>(fn: (ctx: Excel.RequestContext, ws: Excel.Worksheet) => Promise<T>): Promise<T> =>
    run(async (ctx) => fn(ctx, ctx.workbook.worksheets.getItem(SELFTEST_SHEET)));

  // A scratch sheet left by an interrupted earlier run is removed first.
  await run(async (ctx) => {
    ctx.workbook.worksheets.getItemOrNullObject(SELFTEST_SHEET).delete();
    await ctx.sync();
  }).catch(() => undefined);

  const created = await step('create', () =>
    run(async (ctx) => {
      const ws = ctx.workbook.worksheets.add(SELFTEST_SHEET);
      ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
      ws.load('name,visibility');
      await ctx.sync();
      return `${ws.name} (${ws.visibility})`;
    }),
  );
  if (created) {
    await step('write', () =>
      onSheet(async (ctx, ws) => {
        const r = ws.getRange('A1:C2');
        r.numberFormat = [
          ['@', 'General', '0.00%'],
          ['General', '0.00', 'General'],
        ];
        r.values = [
          ['项目名称', 100, 0.955],
          ['合计', 97.68, ''],
        ];
        ws.getRange('C2').formulas = [['=B1-B2']];
        await ctx.sync();
        return 'A1:C2';
      }),
    );
    await step('read', () =>
      onSheet(async (ctx, ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('address,values,numberFormat');
        const f = used.getSpecialCellsOrNullObject('Formulas' as Excel.SpecialCellType);
        f.load('areas/items/address,areas/items/formulas');
        await ctx.sync();
        if (used.isNullObject) throw new Error('no used range');
        const v = used.values as unknown[][];
        const want = JSON.stringify([
          ['项目名称', 100, 0.955],
          ['合计', 97.68],
        ]);
        const got = JSON.stringify([v[0], v[1].slice(0, 2)]);
        if (got !== want) throw new Error(`read ${got}, wrote ${want}`);
        const formulas = f.isNullObject ? [] : f.areas.items.map((a) => `${a.address} ${JSON.stringify(a.formulas)}`);
        return `${used.address}; ${(used.numberFormat as unknown[][])[0].join(' | ')}; formulas ${formulas.join(', ') || 'none'}`;
      }),
    );
    await step('fill', () =>
      onSheet(async (ctx, ws) => {
        ws.getRange('B2').format.fill.color = '#FFEB9C';
        await ctx.sync();
        const p = ws.getRange('B2').getCellProperties({ format: { fill: { color: true, pattern: true } } });
        await ctx.sync();
        const fill = p.value[0][0]?.format?.fill;
        if (String(fill?.color).toUpperCase() !== '#FFEB9C') throw new Error(`read back ${JSON.stringify(fill)}`);
        return `${fill?.color} ${fill?.pattern ?? ''}`.trim();
      }),
    );
    const useNotes = env.markMode !== 'comments' && env.markMode !== 'none';
    if (useNotes) {
      await step('note', () =>
        onSheet(async (ctx, ws) => {
          if (!notesPresent(ws)) throw new Error('worksheet.notes is missing in this office.js');
          ws.notes.add('B2', '【自评校验】自检');
          const n = ws.notes.getItemOrNullObject('B2');
          n.load('content');
          await ctx.sync();
          if (n.isNullObject || n.content !== '【自评校验】自检') throw new Error('the note did not read back');
          return 'B2';
        }),
      );
    }
    if (!useNotes || !steps[steps.length - 1].ok) {
      await step('comment', () =>
        onSheet(async (ctx, ws) => {
          if (!commentsPresent(ctx, ws)) throw new Error('workbook.comments / worksheet.comments is missing');
          ctx.workbook.comments.add(`'${SELFTEST_SHEET}'!C1`, '【自评校验】自检');
          const c = ws.comments;
          c.load('items/content');
          await ctx.sync();
          if (!c.items.some((x) => x.content === '【自评校验】自检')) throw new Error('the comment did not read back');
          return 'C1';
        }),
      );
    }
    await step('merge', () =>
      onSheet(async (ctx, ws) => {
        ws.getRange('A4:C4').merge(false);
        await ctx.sync();
        const m = ws.getRange('A1:D6').getMergedAreasOrNullObject();
        m.load('areas/items/address');
        await ctx.sync();
        const areas = m.isNullObject ? [] : m.areas.items.map((a) => a.address);
        if (!areas.some((a) => /A\$?4:\$?C\$?4$/.test(a.replace(/\$/g, ''))))
          throw new Error(`areas ${JSON.stringify(areas)}`);
        return areas.join(', ');
      }),
    );
    await step('event', () => changeEvent(run, env.eventTimeoutMs ?? 3000));
    await step('settings', () =>
      onSheet(async (ctx, ws) => {
        const json = JSON.stringify({ preset: 'mof2020', scoreDecimals: 2 });
        const r = ws.getRange('E1');
        r.numberFormat = [['@']];
        r.values = [[json]];
        await ctx.sync();
        r.load('values');
        await ctx.sync();
        if (r.values[0][0] !== json) throw new Error(`read back ${JSON.stringify(r.values[0][0])}`);
        return `${json.length} characters`;
      }),
    );
  }
  await step('remove', () =>
    run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SELFTEST_SHEET).delete();
      const gone = ctx.workbook.worksheets.getItemOrNullObject(SELFTEST_SHEET);
      gone.load('name');
      await ctx.sync();
      if (!gone.isNullObject) throw new Error('the sheet is still there');
      return 'removed';
    }),
  );
  const ok = steps.every((s) => s.ok);
  return { steps, ok, text: reportText(steps, env, lang) };
}

/** Register onChanged, write a cell of the scratch sheet (events on), wait for the event, unregister. */
async function changeEvent(run: typeof Excel.run, timeoutMs: number): Promise<string> {
  let resolve: (a: string) => void = () => undefined;
  const seen = new Promise<string>((r) => (resolve = r));
  let reg: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | undefined;
  await run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(SELFTEST_SHEET);
    ws.load('id');
    reg = ctx.workbook.worksheets.onChanged.add(async (e) => {
      if (e.worksheetId === ws.id)
        resolve(`${e.address}, source ${e.source}, triggerSource ${e.triggerSource ?? '(none: before ExcelApi 1.14)'}`);
    });
    await ctx.sync();
  });
  try {
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem(SELFTEST_SHEET).getRange('D1').values = [[1]];
      await ctx.sync();
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no onChanged event within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([seen, timeout]);
    } finally {
      clearTimeout(timer);
    }
  } finally {
    const r = reg;
    if (r)
      await run(r.context, async (ctx) => {
        r.remove();
        await ctx.sync();
      }).catch(() => undefined);
  }
}

/** The copyable text. */
export function reportText(steps: SelfTestStep[], env: SelfTestEnv, lang: Lang): string {
  const t = SELFTEST_TEXT[lang];
  const now = (env.now ?? (() => new Date()))();
  const supported = (name: string, versions: string[]): string => {
    if (!env.isSetSupported) return t.unknown;
    const yes = versions.filter((v) => env.isSetSupported!(name, v));
    return yes.length ? yes.join(' ') : t.none;
  };
  const failed = steps.filter((s) => !s.ok).length;
  const lines = [
    t.title,
    `${t.time}: ${now.toISOString()}`,
    `${t.platform}: ${env.platform ?? '?'}; ${t.host}: ${env.host ?? '?'}; Office ${env.version ?? '?'}; ${t.displayLanguage}: ${env.displayLanguage ?? '?'}`,
    ...REQUIREMENT_SETS.map(([name, versions]) => `${name}: ${supported(name, versions)}`),
    `${t.markMode}: ${env.markMode ?? '?'}`,
    ...steps.map((s) => `${s.ok ? t.pass : t.fail} ${t.steps[s.id] ?? s.id}: ${s.detail}`),
    failed === 0 ? t.allPassed : t.failed(failed),
  ];
  return lines.join('\n');
}
