/** Findings grouped by severity; each one a link that selects its cell (when a host can select). */
import { Badge, Link, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Finding, render } from '../../engine';
import { Lang, Strings } from '../i18n';
import { groupFindings } from '../view-model';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { marginBottom: tokens.spacingVerticalXS },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

const COLOR = { error: 'danger', warning: 'warning', info: 'informative' } as const;

export interface FindingsListProps {
  s: Strings;
  lang: Lang;
  findings: Finding[];
  onSelect?: (f: Finding) => void;
}

export function FindingsList({ s, lang, findings, onSelect }: FindingsListProps) {
  const c = useStyles();
  if (findings.length === 0) return <Text>{s.noFindings}</Text>;
  return (
    <div data-testid="findings">
      {groupFindings(findings).map((g) => (
        <section key={g.severity} data-severity={g.severity}>
          <div className={c.head}>
            <Subtitle2>{s.severity[g.severity]}</Subtitle2>
            <Badge color={COLOR[g.severity]} appearance="filled">
              {g.items.length}
            </Badge>
          </div>
          <ul className={c.list}>
            {g.items.map((f, i) => {
              const where = `${f.sheet}!${f.cell}`;
              return (
                <li key={`${where}-${f.code}-${i}`} className={c.item} data-code={f.code} data-cell={f.cell}>
                  {onSelect ? (
                    <Link as="button" onClick={() => onSelect(f)}>
                      {where}
                    </Link>
                  ) : (
                    <Text weight="semibold">{where}</Text>
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
