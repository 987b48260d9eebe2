/**
 * For test/e2e/officemode.test.ts: a production build of the pane plus the browser build of the
 * Excel fake (test/e2e/office-fake.ts), made in one webpack run into node_modules/.cache (reused
 * while newer than its sources), and a static server on 127.0.0.1.
 */
import fs from 'fs';
import path from 'path';
import { ROOT, newest } from '../helpers/e2e';

export { ROOT, serve } from '../helpers/e2e';

export const FAKE_BUNDLE = 'selfeval-office-fake.js';
const OUT = path.join(ROOT, 'node_modules/.cache/selfeval-e2e-office');

const SOURCES = [
  'src',
  'assets',
  'manifest.xml',
  'webpack.config.js',
  'package-lock.json',
  'test/excel/fake-excel.ts',
  'test/e2e/office-fake.ts',
].map((p) => path.join(ROOT, p));

/** The pane's production build with the fake's bundle beside it; the folder it is in. */
export async function buildWithFake(): Promise<string> {
  const stamp = path.join(OUT, FAKE_BUNDLE);
  if (
    fs.existsSync(stamp) &&
    fs.existsSync(path.join(OUT, 'taskpane.html')) &&
    fs.statSync(stamp).mtimeMs > newest(SOURCES)
  ) {
    return OUT;
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configOf = require(path.join(ROOT, 'webpack.config.js')) as (
    env: Record<string, unknown>,
    argv: Record<string, unknown>,
  ) => import('webpack').Configuration;
  const config = configOf({ quiet: true }, { mode: 'production' });
  config.context = ROOT;
  config.entry = {
    ...(config.entry as Record<string, string>),
    [FAKE_BUNDLE.replace(/\.js$/, '')]: './test/e2e/office-fake.ts',
  };
  config.output = { ...config.output, path: OUT };
  config.infrastructureLogging = { level: 'error' };
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) reject(err);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
  // Written last: its time marks a complete build.
  fs.utimesSync(stamp, new Date(), new Date());
  return OUT;
}
