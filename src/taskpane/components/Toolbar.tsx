/** The four actions of the Office pane: 检查, 重算并写回, 清除标记, 撤销上次写入. */
import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
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

export function Toolbar({ s, busy, onCheck, onRecalc, onClear, onUndo }: ToolbarProps) {
  const c = useStyles();
  return (
    <div className={c.bar} role="toolbar">
      <Tooltip content={s.checkHint} relationship="description">
        <Button appearance="primary" disabled={busy} onClick={onCheck}>
          {s.check}
        </Button>
      </Tooltip>
      <Tooltip content={s.recalcHint} relationship="description">
        <Button disabled={busy} onClick={onRecalc}>
          {s.recalc}
        </Button>
      </Tooltip>
      <Tooltip content={s.clearHint} relationship="description">
        <Button disabled={busy} onClick={onClear}>
          {s.clear}
        </Button>
      </Tooltip>
      <Tooltip content={s.undoHint} relationship="description">
        <Button disabled={busy} onClick={onUndo}>
          {s.undo}
        </Button>
      </Tooltip>
    </div>
  );
}
