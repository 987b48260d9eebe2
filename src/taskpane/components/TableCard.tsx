/** A card per table: name, rate, total and grade, computed against reported. */
import { Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import { Finding, Figure, TableResult } from '../../engine';
import { Strings } from '../i18n';
import { cardView, cellSeverity } from '../view-model';
import { FigureRow } from './FigureRow';

export function TableCard({ s, table, findings }: { s: Strings; table: TableResult; findings: Finding[] }) {
  const v = cardView(table);
  const sev = (f: Figure | null) => (f ? cellSeverity(findings, table.sheet, f.cell) : null);
  return (
    <Card size="small" data-testid="table-card">
      <CardHeader
        header={<Text weight="semibold">{v.name || s.kind[v.kind]}</Text>}
        description={
          <Caption1>
            {s.kind[v.kind]} · {v.where}
            {v.kind === 'summary' ? ` · ${s.projects(v.rows)}` : ''}
          </Caption1>
        }
      />
      <FigureRow s={s} label={s.rate} figure={v.rate} suffix="%" severity={sev(v.rate)} />
      <FigureRow s={s} label={s.total} figure={v.total} severity={sev(v.total)} />
      <FigureRow s={s} label={s.grade} figure={v.grade} severity={sev(v.grade)} />
    </Card>
  );
}
