/** The plain statement that Ctrl+Z may not undo the add-in's writes. */
import { Caption1, makeStyles } from '@fluentui/react-components';
import { Strings } from '../i18n';

const useStyles = makeStyles({ notice: { margin: 0 } });

export function UndoNotice({ strings }: { strings: Strings }) {
  const styles = useStyles();
  return (
    <Caption1 as="p" className={styles.notice}>
      {strings.undoNotice}
    </Caption1>
  );
}
