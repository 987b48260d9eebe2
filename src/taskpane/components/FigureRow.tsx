/** One figure of a table card: computed value, and what the table holds when it differs. */
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Figure } from '../../engine/result';
import { Strings } from '../i18n';
import { differs } from '../view-model';

const useStyles = makeStyles({
  row: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  off: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function FigureRow({
  s,
  label,
  figure,
  suffix = '',
}: {
  s: Strings;
  label: string;
  figure: Figure | null;
  suffix?: string;
}) {
  const c = useStyles();
  if (!figure) return null;
  const computed = figure.computed === null ? '—' : `${figure.computed}${suffix}`;
  const reported = figure.reported === null ? s.empty : `${figure.reported}${suffix}`;
  const off = differs(figure);
  return (
    <div className={c.row} data-testid={`figure-${figure.cell}`}>
      <Text>
        {label} <span className={c.muted}>{figure.cell}</span>
      </Text>
      <Text>
        <Text weight="semibold">{computed}</Text>{' '}
        <span className={off ? c.off : c.muted}>
          （{s.reported} {reported}）
        </span>
      </Text>
    </div>
  );
}
