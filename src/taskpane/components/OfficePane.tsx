/** The pane inside Excel: actions on the open workbook through the ExcelHost. */
import { MessageBar, MessageBarBody, Switch } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Finding, Settings, resolveSettings } from '../../engine';
import { ExcelHost, HostCheckResult, errorText } from '../host';
import { Lang, Strings } from '../i18n';
import { formulaNotice } from '../view-model';
import { Progress, ProgressIndicator } from './ProgressIndicator';
import { ReportPanel } from './ReportPanel';
import { Results } from './Results';
import { SettingsPanel } from './SettingsPanel';
import { Status, StatusMessage } from './StatusMessage';
import { Toolbar } from './Toolbar';
import { UndoNotice } from './UndoNotice';

export interface OfficePaneProps {
  s: Strings;
  lang: Lang;
  host: ExcelHost;
}

export function OfficePane({ s, lang, host }: OfficePaneProps) {
  const [settings, setSettings] = useState<Settings>(() => resolveSettings());
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [result, setResult] = useState<HostCheckResult | null>(null);
  /** Formulas the last write replaced (shown until the next action). */
  const [replaced, setReplaced] = useState<string | null>(null);
  const [auto, setAuto] = useState(false);

  useEffect(() => {
    host.loadSettings().then(
      (p) => setSettings(resolveSettings(p)),
      (e) => setStatus({ intent: 'error', text: s.errorPrefix + errorText(e, lang) }),
    );
  }, [host, s, lang]);

  useEffect(() => {
    if (!auto) return undefined;
    return host.watch(
      (r) => {
        setResult(r);
        const notice = formulaNotice(r.formulasReplaced, s);
        if (notice) setReplaced(notice);
      },
      () => settingsRef.current,
    );
  }, [auto, host, s]);

  const run = useCallback(
    async (action: () => Promise<Status>) => {
      setBusy(true);
      setStatus(null);
      setReplaced(null);
      setProgress(null);
      try {
        setStatus(await action());
      } catch (e) {
        setStatus({ intent: 'error', text: s.errorPrefix + errorText(e, lang) });
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [s, lang],
  );

  const check = (writeValues: boolean) =>
    run(async () => {
      const r = await host.check({
        writeValues,
        settings: settingsRef.current,
        lang,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setResult(r);
      setReplaced(formulaNotice(r.formulasReplaced, s));
      const text = s.checkedAt(r.findings.length, r.tables.length) + (writeValues ? ' ' + s.written(r.written) : '');
      return { intent: r.findings.some((f) => f.severity === 'error') ? 'warning' : 'success', text };
    });

  const select = (f: Finding) =>
    void host.selectCell(f.sheet, f.cell).catch((e) => setStatus({ intent: 'error', text: errorText(e, lang) }));

  const save = async (p: Partial<Settings>) => {
    try {
      await host.saveSettings(p);
      setSettings(resolveSettings(p));
      setStatus({ intent: 'success', text: s.settingsSaved });
    } catch (e) {
      setStatus({ intent: 'error', text: s.errorPrefix + errorText(e, lang) });
    }
  };

  return (
    <>
      <Toolbar
        s={s}
        busy={busy}
        onCheck={() => void check(false)}
        onRecalc={() => void check(true)}
        onClear={() =>
          void run(async () => {
            const r = await host.clearMarks();
            setResult(null);
            return { intent: 'success', text: s.cleared(r.cleared) };
          })
        }
        onUndo={() =>
          void run(async () => {
            const r = await host.undoLast();
            return r.restored > 0
              ? { intent: 'success', text: s.restored(r.restored) }
              : { intent: 'info', text: s.nothingToUndo };
          })
        }
      />
      <UndoNotice s={s} />
      <Switch label={s.autoCheck} checked={auto} onChange={(_, d) => setAuto(d.checked)} />
      {busy ? <ProgressIndicator s={s} progress={progress} /> : null}
      <StatusMessage status={status} />
      {replaced ? (
        <MessageBar intent="warning" data-testid="formulas-replaced">
          <MessageBarBody>{replaced}</MessageBarBody>
        </MessageBar>
      ) : null}
      {result ? (
        <Results s={s} lang={lang} tables={result.tables} findings={result.findings} onSelect={select} />
      ) : null}
      <ReportPanel
        lang={lang}
        busy={busy}
        settings={settings}
        source={result ? { name: '自评表', data: null, tables: result.tables, findings: result.findings } : null}
      />
      <SettingsPanel s={s} settings={settings} disabled={busy} onSave={save} />
    </>
  );
}
