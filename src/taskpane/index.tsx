/** Task pane entry: wait for office.js, then render the Office pane (in Excel) or the browser file mode. */
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import type { CheckFile } from './components/FilePane';
import { ExcelHost, createExcelHost } from '../addin/host';
import { Lang, langFrom } from './i18n';

/** The workbook reader and writer load only when a file is picked: the Office pane never needs them. */
const checkFile: CheckFile = async (name, data, settings, lang) => {
  const m = await import(/* webpackChunkName: "filemode" */ './file-mode');
  return m.checkXlsx(name, data, settings, lang);
};

async function officeInfo(): Promise<{ host: Office.HostType | null }> {
  if (typeof Office === 'undefined') return { host: null };
  const timeout = new Promise<{ host: null }>((resolve) => setTimeout(() => resolve({ host: null }), 10000));
  return Promise.race([Office.onReady(), timeout]);
}

function pageLang(): Lang | null {
  const q = new URLSearchParams(window.location.search).get('lang');
  return q === 'zh' || q === 'en' ? q : null;
}

async function main(): Promise<void> {
  const info = await officeInfo();
  // Outside Office, load-office.js loads no office.js at all: `Office` is then undefined.
  const inExcel = typeof Office !== 'undefined' && info.host === Office.HostType.Excel && typeof Excel !== 'undefined';
  const lang = pageLang() ?? (inExcel ? langFrom(Office.context.displayLanguage) : 'zh');
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  let host: ExcelHost | null = null;
  if (inExcel) host = createExcelHost();
  document.body.dataset.mode = host ? 'office' : 'file';
  createRoot(document.getElementById('root')!).render(<App lang={lang} host={host} checkFile={checkFile} />);
}

void main();
