/** The pane inside Excel: actions on the open workbook through the ExcelHost. */
import { MessageBar, MessageBarBody, Switch, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Finding, Settings, resolveSettings } from '../../engine';
import { ExcelHost, HostCheckResult, errorText } from '../../addin/host';
import { Lang, Strings } from '../i18n';
import { formulaNotice } from '../view-model';
import { Progress, ProgressIndicator } from './ProgressIndicator';
import { ReportPanel } from './ReportPanel';
import { Results } from './Results';
import { SettingsPanel } from './SettingsPanel';
import { Status, StatusMessage } from './StatusMessage';
import { Toolbar } from './Toolbar';
import { UndoNotice } from './UndoNotice';

// The switch's knob flush with the buttons above it.
const useStyles = makeStyles({ switchIndicator: { marginLeft: 0 } });

export interface OfficePaneProps {
  strings: Strings;
  lang: Lang;
  host: ExcelHost;
}

export function OfficePane({ strings, lang, host }: OfficePaneProps) {
  const styles = useStyles();
  const [settings, setSettings] = useState<Settings>(() => resolveSettings());
  /** The settings as of the last render, for the edit watcher's callback (it outlives renders). */
  const settingsRef = useRef(settings);
  useEffect(() => {
    settingsRef.current = settings;
  }, [settings]);
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
      (e) => setStatus({ intent: 'error', text: strings.errorPrefix + errorText(e, lang) }),
    );
  }, [host, strings, lang]);

  useEffect(() => {
    if (!auto) return undefined;
    return host.watch(
      (r) => {
        setResult(r);
        const notice = formulaNotice(r.formulasReplaced, strings);
        if (notice) setReplaced(notice);
      },
      () => settingsRef.current,
    );
  }, [auto, host, strings]);

  const run = useCallback(
    async (action: () => Promise<Status>) => {
      setBusy(true);
      setStatus(null);
      setReplaced(null);
      setProgress(null);
      try {
        setStatus(await action());
      } catch (e) {
        setStatus({ intent: 'error', text: strings.errorPrefix + errorText(e, lang) });
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [strings, lang],
  );

  const check = (writeValues: boolean) =>
    run(async () => {
      const r = await host.check({
        writeValues,
        settings,
        lang,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      setResult(r);
      setReplaced(formulaNotice(r.formulasReplaced, strings));
      const text =
        strings.checkedAt(r.findings.length, r.tables.length) + (writeValues ? ' ' + strings.written(r.written) : '');
      return { intent: r.findings.some((f) => f.severity === 'error') ? 'warning' : 'success', text };
    });

  const select = (f: Finding) =>
    void host.selectCell(f.sheet, f.cell).catch((e) => setStatus({ intent: 'error', text: errorText(e, lang) }));

  const save = async (p: Partial<Settings>) => {
    try {
      await host.saveSettings(p);
      setSettings(resolveSettings(p));
      setStatus({ intent: 'success', text: strings.settingsSaved });
    } catch (e) {
      setStatus({ intent: 'error', text: strings.errorPrefix + errorText(e, lang) });
    }
  };

  return (
    <>
      <Toolbar
        strings={strings}
        busy={busy}
        onCheck={() => void check(false)}
        onRecalc={() => void check(true)}
        onClear={() =>
          void run(async () => {
            const r = await host.clearMarks();
            setResult(null);
            return { intent: 'success', text: strings.cleared(r.cleared) };
          })
        }
        onUndo={() =>
          void run(async () => {
            const r = await host.undoLast();
            return r.restored > 0
              ? { intent: 'success', text: strings.restored(r.restored) }
              : { intent: 'info', text: strings.nothingToUndo };
          })
        }
      />
      <UndoNotice strings={strings} />
      <Switch
        indicator={{ className: styles.switchIndicator }}
        label={strings.autoCheck}
        checked={auto}
        onChange={(_, d) => setAuto(d.checked)}
      />
      {busy ? <ProgressIndicator strings={strings} progress={progress} /> : null}
      <StatusMessage status={status} />
      {replaced ? (
        <MessageBar intent="warning" data-testid="formulas-replaced">
          <MessageBarBody>{replaced}</MessageBarBody>
        </MessageBar>
      ) : null}
      {result ? (
        <Results strings={strings} lang={lang} tables={result.tables} findings={result.findings} onSelect={select} />
      ) : null}
      <ReportPanel
        lang={lang}
        busy={busy}
        settings={settings}
        source={
          result
            ? { name: '自评表', grid: result.grid ?? null, tables: result.tables, findings: result.findings }
            : null
        }
      />
      <SettingsPanel
        strings={strings}
        settings={settings}
        disabled={busy}
        onSave={save}
        onSelfTest={() => host.selfTest(lang)}
      />
    </>
  );
}
