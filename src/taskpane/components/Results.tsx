/** The outcome of a check: a card per table, then the findings. */
import { Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Finding, TableResult } from '../../engine';
import { Lang, Strings } from '../i18n';
import { FindingsList } from './FindingsList';
import { TableCard } from './TableCard';

const useStyles = makeStyles({
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export interface ResultsProps {
  s: Strings;
  lang: Lang;
  tables: TableResult[];
  findings: Finding[];
  onSelect?: (f: Finding) => void;
}

export function Results({ s, lang, tables, findings, onSelect }: ResultsProps) {
  const c = useStyles();
  return (
    <>
      <Subtitle1 as="h2" className={c.heading}>
        {s.tables}
      </Subtitle1>
      {tables.length === 0 ? (
        <Text>{s.noTables}</Text>
      ) : (
        <div className={c.cards}>
          {tables.map((t) => (
            <TableCard key={`${t.sheet}!${t.range}`} s={s} table={t} findings={findings} />
          ))}
        </div>
      )}
      <Subtitle1 as="h2" className={c.heading}>
        {s.findings}
      </Subtitle1>
      <FindingsList s={s} lang={lang} findings={findings} onSelect={onSelect} />
    </>
  );
}
