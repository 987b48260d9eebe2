/** The plain statement that Ctrl+Z may not undo the add-in's writes. */
import { Caption1 } from '@fluentui/react-components';
import { Strings } from '../i18n';

export function UndoNotice({ strings }: { strings: Strings }) {
  return <Caption1 as="p">{strings.undoNotice}</Caption1>;
}
