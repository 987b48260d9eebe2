/**
 * Ribbon commands (the manifest's FunctionFile). 一键重算 checks the whole workbook and writes the
 * computed values without opening the pane, then shows the outcome in a small dialog (notice.html).
 */
import { resolveSettings } from '../engine';
import { createExcelHost, errorText, langFrom } from '../addin';
import { Notice, encodeNotice, errorNotice, summaryNotice } from './summary';

/** The manifest's <FunctionName>; test/manifest.test.ts checks the two agree. */
export const RECALC_FUNCTION = 'recalcWorkbook';

function showNotice(n: Notice, done: () => void): void {
  const url = new URL(`notice.html?${encodeNotice(n)}`, window.location.href).toString();
  try {
    Office.context.ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        done();
        return;
      }
      const dialog = res.value;
      const close = () => {
        dialog.close();
        done();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
    });
  } catch {
    done();
  }
}

export async function recalcWorkbook(event?: Office.AddinCommands.Event): Promise<void> {
  const lang = langFrom(Office.context.displayLanguage);
  let notice: Notice;
  try {
    const host = createExcelHost();
    const settings = resolveSettings(await host.loadSettings());
    notice = summaryNotice(await host.check({ writeValues: true, settings, lang }), lang);
  } catch (e) {
    notice = errorNotice(errorText(e, lang), lang);
  }
  let completed = false;
  showNotice(notice, () => {
    if (completed) return;
    completed = true;
    event?.completed();
  });
}

Office.onReady(() => {
  // Office.actions is absent when the page is opened outside Office (nothing to register then).
  Office.actions?.associate(RECALC_FUNCTION, recalcWorkbook);
});
