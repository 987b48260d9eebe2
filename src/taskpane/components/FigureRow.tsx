/** One figure of a table card: computed value, and what the table holds when it differs. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Severity, Figure } from '../../engine';
import { Strings } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface FigureRowProps {
  strings: Strings;
  label: string;
  figure: Figure | null;
  suffix?: string;
  /** The worst finding on the figure's cell. */
  severity?: Severity | null;
}

export function FigureRow({ strings, label, figure, suffix = '', severity = null }: FigureRowProps) {
  const styles = useStyles();
  if (!figure) return null;
  const computed = figure.computed === null ? '—' : `${figure.computed}${suffix}`;
  const reported = figure.reported === null ? strings.empty : `${figure.reported}${suffix}`;
  return (
    <div className={styles.row} data-testid={`figure-${figure.cell}`} data-severity={severity ?? undefined}>
      <Text>
        {label} <span className={styles.muted}>{figure.cell}</span>
      </Text>
      <Text>
        <Text weight="semibold">{computed}</Text>{' '}
        <span className={severity === 'error' ? styles.error : severity === 'warning' ? styles.warning : styles.muted}>
          （{strings.reported} {reported}）
        </span>
      </Text>
    </div>
  );
}
