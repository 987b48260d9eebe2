/** The pane outside Office: check an .xlsx in the browser and download the checked copy. */
import { Subtitle1, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { Finding, TableResult, Settings, WorkbookGrid, resolveSettings } from '../../engine';
import type { FileCheck } from '../file-mode';
import { Lang, Strings } from '../i18n';
import { FilePicker } from './FilePicker';
import { ProgressIndicator } from './ProgressIndicator';
import { ReportPanel } from './ReportPanel';
import { Results } from './Results';
import { SettingsPanel } from './SettingsPanel';
import { Status, StatusMessage } from './StatusMessage';

const useStyles = makeStyles({ heading: { margin: 0 } });

const STORAGE_KEY = 'selfeval.settings';

function loadLocal(): Settings {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    return resolveSettings(raw ? (JSON.parse(raw) as Partial<Settings>) : {});
  } catch {
    return resolveSettings();
  }
}

export type CheckFile = (name: string, data: ArrayBuffer, settings: Settings, lang: Lang) => Promise<FileCheck>;

export interface FilePaneProps {
  strings: Strings;
  lang: Lang;
  /** The file-mode checker, loaded on first use (it brings the workbook reader and writer). */
  checkFile: CheckFile;
}

export function FilePane({ strings, lang, checkFile }: FilePaneProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<Settings>(loadLocal);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [result, setResult] = useState<{
    name: string;
    grid: WorkbookGrid | null;
    tables: TableResult[];
    findings: Finding[];
  } | null>(null);
  const [output, setOutput] = useState<{ name: string; bytes: Uint8Array } | null>(null);

  const onFile = async (file: File) => {
    setBusy(true);
    setStatus(null);
    setResult(null);
    setOutput(null);
    try {
      const data = await file.arrayBuffer();
      const r = await checkFile(file.name, data.slice(0), settings, lang);
      setResult({ name: file.name, grid: r.grid, tables: r.tables, findings: r.findings });
      setOutput({ name: r.outputName, bytes: r.output });
      // An .xls (.xlsb, .ods) is checked into a rebuilt .xlsx: the line saying what it keeps follows.
      const note = r.copyNote ? ` ${r.copyNote}` : '';
      setStatus({ intent: 'success', text: `${strings.checkedAt(r.findings.length, r.tables.length)}${note}` });
    } catch (e) {
      setStatus({ intent: 'error', text: e instanceof Error ? e.message : `${strings.fileError}: ${String(e)}` });
    } finally {
      setBusy(false);
    }
  };

  const save = async (p: Partial<Settings>) => {
    const next = resolveSettings(p);
    setSettings(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(p));
      setStatus({ intent: 'success', text: strings.settingsSavedLocal });
    } catch {
      // Storage may be unavailable (private mode): the settings still apply to this session.
    }
  };

  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {strings.fileMode}
      </Subtitle1>
      <FilePicker strings={strings} busy={busy} onFile={(f) => void onFile(f)} output={output} />
      {busy ? <ProgressIndicator strings={strings} progress={null} /> : null}
      <StatusMessage status={status} />
      {result ? <Results strings={strings} lang={lang} tables={result.tables} findings={result.findings} /> : null}
      <ReportPanel lang={lang} busy={busy} settings={settings} source={result} allowReportCheck />
      <SettingsPanel strings={strings} settings={settings} disabled={busy} onSave={save} />
    </>
  );
}
