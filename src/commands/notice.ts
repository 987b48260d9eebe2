/** The dialog that shows the outcome of 一键重算 (plain DOM, no framework). */
import { closeDelay, untilFrom } from './notice-close';
import { decodeNotice } from './summary';

function close(): void {
  if (typeof Office !== 'undefined' && Office.context?.ui?.messageParent) Office.context.ui.messageParent('close');
  else window.close();
}

function render(): void {
  const n = decodeNotice(window.location.search);
  const root = document.getElementById('notice')!;
  const en = n?.lang === 'en';
  document.documentElement.lang = en ? 'en' : 'zh-CN';
  root.className = n?.intent ?? 'error';
  const h = document.createElement('h1');
  h.textContent = n?.title ?? '绩效自评助手';
  root.appendChild(h);
  for (const line of n?.lines ?? []) {
    const p = document.createElement('p');
    p.textContent = line;
    root.appendChild(p);
  }
  const button = document.createElement('button');
  button.textContent = en ? 'Close' : '关闭';
  button.addEventListener('click', close);
  root.appendChild(button);
  // Gone before the ribbon command's 5-minute limit (notice-close.ts).
  setTimeout(close, closeDelay(untilFrom(window.location.search), Date.now()));
}

if (typeof Office !== 'undefined') Office.onReady(render);
else render();
