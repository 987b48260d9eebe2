/** A card per table: name, rate, total and grade, computed against reported. */
import { Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import { Finding, Figure, TableResult } from '../../engine';
import { Strings } from '../i18n';
import { cardView, cellSeverity } from '../view-model';
import { FigureRow } from './FigureRow';

export function TableCard({ strings, table, findings }: { strings: Strings; table: TableResult; findings: Finding[] }) {
  const v = cardView(table);
  const sev = (f: Figure | null) => (f ? cellSeverity(findings, table.sheet, f.cell) : null);
  return (
    <Card size="small" data-testid="table-card">
      <CardHeader
        header={<Text weight="semibold">{v.name || strings.kind[v.kind]}</Text>}
        description={
          <Caption1>
            {strings.kind[v.kind]} · {v.where}
            {v.kind === 'summary' ? ` · ${strings.projects(v.rows)}` : ''}
          </Caption1>
        }
      />
      <FigureRow strings={strings} label={strings.rate} figure={v.rate} suffix="%" severity={sev(v.rate)} />
      <FigureRow strings={strings} label={strings.total} figure={v.total} severity={sev(v.total)} />
      <FigureRow strings={strings} label={strings.grade} figure={v.grade} severity={sev(v.grade)} />
    </Card>
  );
}
