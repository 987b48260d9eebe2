/**
 * 自评报告: draft the report from the last check (both modes) and, in file mode, check a written
 * report (.docx/.txt) beside the workbook. The report code loads on first use (it brings the docx writer).
 */
import { Finding, Settings, TableResult, WorkbookGrid } from '../../engine';
import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { ReportCheck } from '../../report/check';
import { Lang } from '../i18n';
import { REPORT_PANE_TEXT } from '../../i18n/report';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  quote: { color: tokens.colorNeutralForeground3 },
});

export interface ReportSource {
  /** Workbook file name (the draft is named after it). */
  name: string;
  /** The grid the check read (年初预算, 年度目标 and reasons for the draft); null when not kept. */
  grid: WorkbookGrid | null;
  tables: TableResult[];
  findings: Finding[];
}

export interface ReportPanelProps {
  lang: Lang;
  busy: boolean;
  settings: Settings;
  source: ReportSource | null;
  /** File mode: a written report can be checked beside the workbook. */
  allowReportCheck?: boolean;
}

export function ReportPanel({ lang, busy, settings, source, allowReportCheck }: ReportPanelProps) {
  const c = useStyles();
  const t = REPORT_PANE_TEXT[lang];
  const input = useRef<HTMLInputElement>(null);
  const [working, setWorking] = useState(false);
  const [draft, setDraft] = useState<{ name: string; url: string } | null>(null);
  const [checked, setChecked] = useState<ReportCheck | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => (draft ? URL.revokeObjectURL(draft.url) : undefined), [draft]);

  const makeDraft = async () => {
    if (!source) return;
    setWorking(true);
    setError(null);
    try {
      const { paneDraft } = await import('../../report/pane');
      const d = await paneDraft(source.name, source.grid, source.tables, source.findings, settings);
      const url = URL.createObjectURL(
        new Blob([d.bytes as BlobPart], {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      );
      setDraft({ name: d.name, url });
      const a = document.createElement('a');
      a.href = url;
      a.download = d.name;
      a.click();
    } catch (e) {
      setError(t.failed + (e instanceof Error ? e.message : String(e)));
    } finally {
      setWorking(false);
    }
  };

  const checkReport = async (file: File) => {
    setWorking(true);
    setError(null);
    setChecked(null);
    try {
      const { paneReportCheck } = await import('../../report/pane');
      setChecked(paneReportCheck(file.name, new Uint8Array(await file.arrayBuffer()), settings, source));
    } catch (e) {
      setError(t.failed + (e instanceof Error ? e.message : String(e)));
    } finally {
      setWorking(false);
    }
  };

  return (
    <div className={c.box} data-testid="report-panel">
      <div className={c.bar}>
        <Button disabled={busy || working || !source} onClick={() => void makeDraft()} title={t.draftHint}>
          {t.draft}
        </Button>
        {allowReportCheck ? (
          <>
            <input
              ref={input}
              className={c.hidden}
              type="file"
              accept=".docx,.txt"
              data-testid="report-input"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) void checkReport(f);
                e.target.value = '';
              }}
            />
            <Button disabled={busy || working} onClick={() => input.current?.click()} title={t.checkHint}>
              {t.checkReport}
            </Button>
          </>
        ) : null}
      </div>
      {draft ? (
        <Link href={draft.url} download={draft.name} data-testid="report-download">
          {t.download(draft.name)}
        </Link>
      ) : null}
      {error ? <Text role="alert">{error}</Text> : null}
      {checked ? (
        <div data-testid="report-findings">
          <Text weight="semibold">
            {checked.findings.length === 0
              ? t.none(checked.file, checked.checked.length)
              : t.found(checked.file, checked.summary.errors, checked.summary.warnings)}
          </Text>
          <ul className={c.list}>
            {checked.findings.map((f, i) => (
              <li key={i}>
                <Text>
                  {t.para(f.paragraph)} [{f.code}] {f.message}（{f.arithmetic}）
                </Text>
                <br />
                <Text size={200} className={c.quote}>
                  “{f.sentence}”
                </Text>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
