/** A card per table: name, rate, total and grade, computed against reported. */
import { Caption1, Card, CardHeader, Text } from '@fluentui/react-components';
import { TableResult } from '../../engine/result';
import { Strings } from '../i18n';
import { cardView } from '../view-model';
import { FigureRow } from './FigureRow';

export function TableCard({ s, table }: { s: Strings; table: TableResult }) {
  const v = cardView(table);
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
      <FigureRow s={s} label={s.rate} figure={v.rate} suffix="%" />
      <FigureRow s={s} label={s.total} figure={v.total} />
      <FigureRow s={s} label={s.grade} figure={v.grade} />
    </Card>
  );
}
