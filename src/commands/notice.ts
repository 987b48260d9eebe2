/** The dialog that shows the outcome of 一键重算 (plain DOM, no framework). */
import { closeDelay, untilFrom } from './notice-close';
import { decodeNotice } from './summary';
import { NOTICE_TEXT } from '../i18n/notice';

function close(): void {
  if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
  else window.close();
}

function render(): void {
  const n = decodeNotice(window.location.search);
  const root = document.getElementById('notice')!;
  const lang = n?.lang === 'en' ? 'en' : 'zh';
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  root.className = n?.intent ?? 'error';
  const h = document.createElement('h1');
  h.textContent = n?.title ?? NOTICE_TEXT[lang].appName;
  root.appendChild(h);
  for (const line of n?.lines ?? []) {
    const p = document.createElement('p');
    p.textContent = line;
    root.appendChild(p);
  }
  const button = document.createElement('button');
  button.textContent = NOTICE_TEXT[lang].close;
  button.addEventListener('click', close);
  root.appendChild(button);
  // Gone before the ribbon command's 5-minute limit (notice-close.ts).
  setTimeout(close, closeDelay(untilFrom(window.location.search), Date.now()));
}

if (typeof Office !== 'undefined') Office.onReady(render);
else render();
