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
  strings: Strings;
  lang: Lang;
  tables: TableResult[];
  findings: Finding[];
  onSelect?: (f: Finding) => void;
}

export function Results({ strings, lang, tables, findings, onSelect }: ResultsProps) {
  const styles = useStyles();
  return (
    <>
      <Subtitle1 as="h2" className={styles.heading}>
        {strings.tables}
      </Subtitle1>
      {tables.length === 0 ? (
        <Text>{strings.noTables}</Text>
      ) : (
        <div className={styles.cards}>
          {tables.map((t) => (
            <TableCard key={`${t.sheet}!${t.range}`} strings={strings} table={t} findings={findings} />
          ))}
        </div>
      )}
      <Subtitle1 as="h2" className={styles.heading}>
        {strings.findings}
      </Subtitle1>
      <FindingsList strings={strings} lang={lang} findings={findings} onSelect={onSelect} />
    </>
  );
}
