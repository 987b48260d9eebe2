/** The four actions of the Office pane: 检查, 重算并写回, 清除标记, 撤销上次写入. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Strings } from '../i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ToolbarProps {
  s: Strings;
  busy: boolean;
  onCheck(): void;
  onRecalc(): void;
  onClear(): void;
  onUndo(): void;
}

/** Hints are plain `title`s: Fluent's Tooltip would add the positioning engine to the bundle for four lines. */
export function Toolbar({ s, busy, onCheck, onRecalc, onClear, onUndo }: ToolbarProps) {
  const c = useStyles();
  return (
    <div className={c.bar} role="toolbar">
      <Button appearance="primary" disabled={busy} onClick={onCheck} title={s.checkHint}>
        {s.check}
      </Button>
      <Button disabled={busy} onClick={onRecalc} title={s.recalcHint}>
        {s.recalc}
      </Button>
      <Button disabled={busy} onClick={onClear} title={s.clearHint}>
        {s.clear}
      </Button>
      <Button disabled={busy} onClick={onUndo} title={s.undoHint}>
        {s.undo}
      </Button>
    </div>
  );
}
