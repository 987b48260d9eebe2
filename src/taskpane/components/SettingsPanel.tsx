/** Rule settings: profile, score decimals, thresholds, grade bounds. Saved by the caller (workbook or browser). */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Field,
  Input,
  Radio,
  RadioGroup,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { PROFILE_NAMES, Settings, resolveSettings } from '../../engine';
import { Strings } from '../i18n';
import { DraftErrors, SettingsDraft, draftFrom, settingsFromDraft, validateDraft } from '../view-model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Flush with the rest of the pane: the accordion's own indents waste a narrow pane's width.
  headerButton: { paddingLeft: 0 },
  panel: { marginLeft: 0, marginRight: 0 },
  // Three equal columns that shrink with the pane (an <input> is about 20 characters wide by default).
  bounds: { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  bound: { minWidth: 0 },
  boundInput: { width: '100%', minWidth: 0 },
});

/** About how many rows a text takes in the narrow pane: ~20 Chinese characters a row, Latin ones half as wide. */
function wrappedRows(text: string, perRow = 20): number {
  return text
    .split('\n')
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil([...line].reduce((w, ch) => w + (ch > '\u2e80' ? 1 : 0.5), 0) / perRow)),
      0,
    );
}

export interface SettingsPanelProps {
  strings: Strings;
  settings: Settings;
  disabled?: boolean;
  onSave(p: Partial<Settings>): Promise<void>;
  /** 自检 (Office mode only): runs the host's self-test, resolves to its copyable text. */
  onSelfTest?: () => Promise<{ ok: boolean; text: string }>;
}

export function SettingsPanel({ strings, settings, disabled, onSave, onSelfTest }: SettingsPanelProps) {
  const styles = useStyles();
  const [selfTest, setSelfTest] = useState<{ running: boolean; ok: boolean; text: string }>({
    running: false,
    ok: false,
    text: '',
  });
  const runSelfTest = async () => {
    if (!onSelfTest) return;
    setSelfTest({ running: true, ok: false, text: '' });
    let report: { ok: boolean; text: string };
    try {
      report = await onSelfTest();
    } catch (e) {
      report = { ok: false, text: e instanceof Error ? e.message : String(e) };
    }
    setSelfTest({ running: false, ...report });
  };
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings));
  const [errors, setErrors] = useState<DraftErrors>({});
  // New settings from outside (loaded from the workbook, saved) replace the draft: adjusted while
  // rendering, as React advises, instead of in an effect that would render twice.
  const [shown, setShown] = useState(settings);
  if (settings !== shown) {
    setShown(settings);
    setDraft(draftFrom(settings));
  }
  const set = <K extends keyof SettingsDraft>(k: K, v: SettingsDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  // A profile brings its own grade bounds (fasp: 80/70/60); the user may change them after.
  const pickProfile = (p: Settings['preset']) => {
    const b = resolveSettings({ preset: p }).gradeBounds;
    setDraft((d) => ({ ...d, preset: p, excellent: b.excellent, good: b.good, pass: b.pass }));
  };
  const msg = (k: keyof SettingsDraft) =>
    errors[k] === 'number' ? strings.invalidNumber : errors[k] === 'bounds' ? strings.invalidBounds : undefined;
  const save = async () => {
    const e = validateDraft(draft);
    setErrors(e);
    if (Object.keys(e).length === 0) await onSave(settingsFromDraft(draft));
  };
  const num = (k: 'overachieveThreshold' | 'lowExecutionThreshold', label: string) => (
    <Field label={label} validationMessage={msg(k)}>
      <Input inputMode="decimal" value={draft[k]} onChange={(_, d) => set(k, d.value)} />
    </Field>
  );
  const bound = (k: 'excellent' | 'good' | 'pass', label: string) => (
    <Input
      aria-label={label}
      inputMode="decimal"
      value={draft[k]}
      onChange={(_, d) => set(k, d.value)}
      contentBefore={label}
      className={styles.bound}
      input={{ className: styles.boundInput }}
    />
  );
  return (
    <Accordion collapsible>
      <AccordionItem value="settings">
        <AccordionHeader button={{ className: styles.headerButton }}>
          {strings.settingsWithProfile(strings.presetNames[settings.preset] ?? settings.preset)}
        </AccordionHeader>
        <AccordionPanel className={styles.panel}>
          <div className={styles.form}>
            <Field label={strings.preset}>
              <Select value={draft.preset} onChange={(_, d) => pickProfile(d.value as Settings['preset'])}>
                {PROFILE_NAMES.map((p) => (
                  <option key={p} value={p}>
                    {strings.presetNames[p]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={strings.scoreDecimals}>
              <RadioGroup
                layout="horizontal"
                value={String(draft.scoreDecimals)}
                onChange={(_, d) => set('scoreDecimals', d.value === '1' ? 1 : 2)}
              >
                <Radio value="1" label="1" />
                <Radio value="2" label="2" />
              </RadioGroup>
            </Field>
            {num('overachieveThreshold', strings.overachieve)}
            {num('lowExecutionThreshold', strings.lowExecution)}
            <Field label={strings.gradeBounds} validationMessage={msg('excellent') ?? msg('good') ?? msg('pass')}>
              <div className={styles.bounds}>
                {bound('excellent', '优')}
                {bound('good', '良')}
                {bound('pass', '中')}
              </div>
            </Field>
            <Button disabled={disabled} onClick={() => void save()}>
              {strings.save}
            </Button>
            {onSelfTest && (
              <Field hint={strings.selfTestHint}>
                <div className={styles.form}>
                  <Button disabled={disabled || selfTest.running} onClick={() => void runSelfTest()}>
                    {strings.selfTest}
                  </Button>
                  {selfTest.text && (
                    <>
                      {/* The outcome at a glance: the report's last line (全部通过。 / N 项失败。). */}
                      <MessageBar intent={selfTest.ok ? 'success' : 'error'} data-testid="selftest-outcome">
                        <MessageBarBody>{selfTest.text.trim().split('\n').pop()}</MessageBarBody>
                      </MessageBar>
                      {/* The whole report, tall enough to read without scrolling in a narrow pane; select it to copy. */}
                      <Textarea
                        readOnly
                        resize="vertical"
                        // Fluent fixes the box's height whatever `rows` says: size the text area itself.
                        textarea={{
                          style: {
                            minHeight: `${Math.min(40, wrappedRows(selfTest.text)) * 1.45}em`,
                          },
                        }}
                        value={selfTest.text}
                        aria-label={strings.selfTest}
                        onFocus={(e) => e.target.select()}
                      />
                    </>
                  )}
                </div>
              </Field>
            )}
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
