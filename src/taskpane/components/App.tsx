/** The task pane: the Office pane when an Excel host is given, the browser file mode otherwise. */
import { FluentProvider, Title3, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { ExcelHost } from '../../addin/host';
import { Lang, STRINGS } from '../i18n';
import { CheckFile, FilePane } from './FilePane';
import { OfficePane } from './OfficePane';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  heading: { margin: 0 },
});

export interface AppProps {
  lang: Lang;
  host: ExcelHost | null;
  checkFile: CheckFile;
}

export function App({ lang, host, checkFile }: AppProps) {
  const styles = useStyles();
  const strings = STRINGS[lang];
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <main className={styles.root}>
        <Title3 as="h1" className={styles.heading}>
          {strings.title}
        </Title3>
        {host ? (
          <OfficePane strings={strings} lang={lang} host={host} />
        ) : (
          <FilePane strings={strings} lang={lang} checkFile={checkFile} />
        )}
      </main>
    </FluentProvider>
  );
}
