/** Findings grouped by severity; each one a link that selects its cell (when a host can select). */
import { Badge, Link, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Finding, render } from '../../engine';
import { Lang, Strings } from '../i18n';
import { groupFindings } from '../view-model';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalM },
  item: { marginBottom: tokens.spacingVerticalXS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export interface FindingsListProps {
  strings: Strings;
  lang: Lang;
  findings: Finding[];
  onSelect?: (f: Finding) => void;
}

export function FindingsList({ strings, lang, findings, onSelect }: FindingsListProps) {
  const styles = useStyles();
  if (findings.length === 0) return <Text>{strings.noFindings}</Text>;
  // One sheet (the usual case): the cell alone; its sheet is on the card above and in the link's title.
  const oneSheet = new Set(findings.map((f) => f.sheet)).size === 1;
  return (
    <div data-testid="findings">
      {groupFindings(findings).map((g) => (
        <section key={g.severity} data-severity={g.severity}>
          <div className={styles.head}>
            <Subtitle2>{strings.severity[g.severity]}</Subtitle2>
            <Badge color={COLOR[g.severity]} appearance="filled">
              {g.items.length}
            </Badge>
          </div>
          <ul className={styles.list}>
            {g.items.map((f, i) => {
              const where = `${f.sheet}!${f.cell}`;
              const label = oneSheet ? f.cell : where;
              return (
                <li key={`${where}-${f.code}-${i}`} className={styles.item} data-code={f.code} data-cell={f.cell}>
                  {onSelect ? (
                    <Link as="button" title={where} onClick={() => onSelect(f)}>
                      {label}
                    </Link>
                  ) : (
                    <Text weight="semibold" title={where}>
                      {label}
                    </Text>
                  )}{' '}
                  <Text>{render(f, lang)}</Text>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
