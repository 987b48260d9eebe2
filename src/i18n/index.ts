/**
 * Words outside the engine, in Chinese and English: the pane and ribbon command (pane.ts), the ribbon
 * command's notice dialog (notice.ts), the CLI
 * summary (cli.ts) and the office.js host's errors (host.ts). Findings and the 校验结果 sheet are
 * worded by the engine's catalogue (src/engine/messages), so every host words them alike.
 */
export * from './pane';
export * from './cli';
export * from './host';
export * from './notice';
export * from './selftest';
export * from './file';
export * from './report';
