/**
 * Ribbon commands (the manifest's FunctionFile). 一键重算 checks the whole workbook and writes the
 * computed values without opening the pane, then shows the outcome in a small dialog (notice.html).
 */
import { resolveSettings } from '../engine';
import { createExcelHost, errorText } from '../addin';
import { langFrom } from '../i18n';
import { CLOSE_AFTER_MS } from './notice-close';
import { Notice, encodeNotice, errorNotice, summaryNotice } from './summary';

/** The manifest's <FunctionName>; test/manifest.test.ts checks the two agree. */
export const RECALC_FUNCTION = 'recalcWorkbook';

function showNotice(n: Notice, until: number, done: () => void): void {
  const url = new URL(`notice.html?${encodeNotice(n)}&until=${until}`, window.location.href).toString();
  try {
    Office.context.ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        done();
        return;
      }
      const dialog = res.value;
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        try {
          dialog.close();
        } catch {
          /* already gone */
        }
        done();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, close);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => done());
      // Also from this side, in case the dialog's own timer never messages (notice-close.ts).
      setTimeout(close, Math.max(0, until - Date.now()));
    });
  } catch {
    done();
  }
}

export async function recalcWorkbook(event?: Office.AddinCommands.Event): Promise<void> {
  const until = Date.now() + CLOSE_AFTER_MS;
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
  showNotice(notice, until, () => {
    if (completed) return;
    completed = true;
    event?.completed();
  });
}

Office.onReady(() => {
  // Office.actions is absent when the page is opened outside Office (nothing to register then).
  Office.actions?.associate(RECALC_FUNCTION, recalcWorkbook);
});
