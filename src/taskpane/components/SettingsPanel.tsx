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
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Settings } from '../../engine';
import { Strings } from '../i18n';
import { DraftErrors, SettingsDraft, draftFrom, settingsFromDraft, validateDraft } from '../view-model';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bounds: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface SettingsPanelProps {
  s: Strings;
  settings: Settings;
  disabled?: boolean;
  onSave(p: Partial<Settings>): Promise<void>;
}

export function SettingsPanel({ s, settings, disabled, onSave }: SettingsPanelProps) {
  const c = useStyles();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings));
  const [errors, setErrors] = useState<DraftErrors>({});
  useEffect(() => setDraft(draftFrom(settings)), [settings]);
  const set = <K extends keyof SettingsDraft>(k: K, v: SettingsDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const msg = (k: keyof SettingsDraft) =>
    errors[k] === 'number' ? s.invalidNumber : errors[k] === 'bounds' ? s.invalidBounds : undefined;
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
      style={{ width: '5em' }}
    />
  );
  return (
    <Accordion collapsible>
      <AccordionItem value="settings">
        <AccordionHeader>{s.settings}</AccordionHeader>
        <AccordionPanel>
          <div className={c.form}>
            <Field label={s.preset}>
              <Select value={draft.preset} onChange={(_, d) => set('preset', d.value as Settings['preset'])}>
                {(['mof2020', 'yitihua'] as const).map((p) => (
                  <option key={p} value={p}>
                    {s.presetNames[p]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={s.scoreDecimals}>
              <RadioGroup
                layout="horizontal"
                value={String(draft.scoreDecimals)}
                onChange={(_, d) => set('scoreDecimals', d.value === '1' ? 1 : 2)}
              >
                <Radio value="1" label="1" />
                <Radio value="2" label="2" />
              </RadioGroup>
            </Field>
            {num('overachieveThreshold', s.overachieve)}
            {num('lowExecutionThreshold', s.lowExecution)}
            <Field label={s.gradeBounds} validationMessage={msg('excellent') ?? msg('good') ?? msg('pass')}>
              <div className={c.bounds}>
                {bound('excellent', '优')}
                {bound('good', '良')}
                {bound('pass', '中')}
              </div>
            </Field>
            <Button disabled={disabled} onClick={() => void save()}>
              {s.save}
            </Button>
          </div>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
