/** Shown while a check runs: a bar with done/total while the workbook is read, else an indeterminate bar. */
import { Field, ProgressBar } from '@fluentui/react-components';
import { Strings } from '../i18n';

export interface Progress {
  done: number;
  total: number;
}

export function ProgressIndicator({ strings, progress }: { strings: Strings; progress: Progress | null }) {
  const known = progress && progress.total > 0;
  return (
    <Field
      validationMessage={known ? strings.reading(progress.done, progress.total) : strings.working}
      validationState="none"
    >
      <ProgressBar value={known ? progress.done / progress.total : undefined} data-testid="progress" />
    </Field>
  );
}
