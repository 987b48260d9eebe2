/** The four actions of the Office pane: 检查, 重算并写回, 清除标记, 撤销上次写入. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Strings } from '../i18n';

const useStyles = makeStyles({
  // Two columns of equal buttons: the four fit a narrow pane without a lone button on a second row.
  bar: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
});

export interface ToolbarProps {
  strings: Strings;
  busy: boolean;
  onCheck(): void;
  onRecalc(): void;
  onClear(): void;
  onUndo(): void;
}

/** Hints are plain `title`s: Fluent's Tooltip would add the positioning engine to the bundle for four lines. */
export function Toolbar({ strings, busy, onCheck, onRecalc, onClear, onUndo }: ToolbarProps) {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="toolbar">
      <Button appearance="primary" disabled={busy} onClick={onCheck} title={strings.checkHint}>
        {strings.check}
      </Button>
      <Button disabled={busy} onClick={onRecalc} title={strings.recalcHint}>
        {strings.recalc}
      </Button>
      <Button disabled={busy} onClick={onClear} title={strings.clearHint}>
        {strings.clear}
      </Button>
      <Button disabled={busy} onClick={onUndo} title={strings.undoHint}>
        {strings.undo}
      </Button>
    </div>
  );
}
