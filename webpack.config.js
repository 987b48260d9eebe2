/**
 * The Excel add-in's web part: task pane (taskpane.html), ribbon commands (commands.html) and the
 * commands' notice dialog (notice.html), built into dist-web/ (dist/ holds the CLI build).
 *
 *   npm run build        production build (after the CLI build)
 *   npm run build -- --env url=https://host/path/
 *                        the same, with dist-web/manifest.xml pointing at https://host/path/ instead of
 *                        the dev server (or set SELFEVAL_URL; see scripts/deploy-url.js)
 *   npm run dev-server   https://localhost:3000 with the Office dev certificates
 *
 * office.js: from Microsoft's CDN (https://appsforoffice.microsoft.com/lib/1/hosted/office.js), the
 * reference Microsoft documents and AppSource requires; the task pane loads it only inside Office
 * (src/excel/load-office.js), the commands and notice pages (opened only by Office) reference it
 * directly, and the pages' CSP allows exactly that origin for scripts and frames.
 *
 *   npm run build -- --env officejs=local     (or SELFEVAL_OFFICE_JS=local npm run build)
 *
 * is the opt-in build for networks without internet access: office.js is copied from
 * @microsoft/office-js 1.1.110 (only office.js, the Excel host files and the locale strings; marked as
 * already minimized, otherwise the minimizer spends minutes on it) and the CSP allows 'self' only.
 * That copy (2022, the last on npm, no longer supported by Microsoft) has NO notes API: the add-in
 * falls back to comments or to fills and the results sheet (README, "Excel add-in").
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { deployUrl, rewriteManifest } = require('./scripts/deploy-url');
// webpack's own minimizer (a dependency of webpack 5.11x), loaded from webpack's location.
const MinimizerPlugin = require(
  require.resolve('minimizer-webpack-plugin', { paths: [path.dirname(require.resolve('webpack'))] }),
);

const OUT = path.resolve(__dirname, 'dist-web');
const OFFICE_JS = path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** Where the pages take office.js from: Microsoft's CDN (default) or the local copy (opt-in). */
function officeJs(env) {
  const local = (env && env.officejs === 'local') || process.env.SELFEVAL_OFFICE_JS === 'local';
  if (local) return { local, src: 'office.js', scriptSrc: "'self'", frameSrc: "'self'" };
  const origin = OFFICE_CDN.slice(0, OFFICE_CDN.indexOf('/', 'https://'.length));
  return { local, src: OFFICE_CDN, scriptSrc: `'self' ${origin}`, frameSrc: origin };
}
const CERTS = path.join(os.homedir(), '.office-addin-dev-certs');

/** HTTPS options for the dev server: the files `npx office-addin-dev-certs install` writes. */
function httpsOptions() {
  const key = path.join(CERTS, 'localhost.key');
  const cert = path.join(CERTS, 'localhost.crt');
  const ca = path.join(CERTS, 'ca.crt');
  if (!fs.existsSync(key) || !fs.existsSync(cert)) {
    console.warn(
      `[selfeval] ${CERTS} has no localhost.key/localhost.crt: run "npx office-addin-dev-certs install" first ` +
        '(the dev server falls back to a self-signed certificate Office will not trust).',
    );
    return {};
  }
  return {
    key: fs.readFileSync(key),
    cert: fs.readFileSync(cert),
    ca: fs.existsSync(ca) ? fs.readFileSync(ca) : undefined,
  };
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const copied = { info: { minimized: true } };
  const url = deployUrl(env);
  if (!dev && !url && !env.WEBPACK_SERVE && !env.quiet) {
    console.warn(
      '[selfeval] dist-web/manifest.xml points at https://localhost:3000 (the dev server): for a deployment build ' +
        'run "npm run build -- --env url=https://your-host/path/" (or set SELFEVAL_URL).',
    );
  }
  const office = officeJs(env);
  const page = { officeJs: office.src, scriptSrc: office.scriptSrc, frameSrc: office.frameSrc };
  // The local office.js copy (opt-in build only).
  const officeCopy = office.local
    ? [
        { from: 'office.js', context: OFFICE_JS, ...copied },
        // The Excel host scripts office.js loads at run time, per platform (no debug builds).
        { from: 'excel*.js', context: OFFICE_JS, globOptions: { ignore: ['**/*.debug.js'] }, ...copied },
        { from: 'o15apptofilemappingtable.js', context: OFFICE_JS, ...copied },
        { from: 'es6-promise.js', context: OFFICE_JS, ...copied },
        // office.js's own UI strings, one small file per display language.
        { from: '*/office_strings.js', context: OFFICE_JS, ...copied },
      ]
    : [];
  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'source-map' : false,
    target: 'web',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      notice: './src/commands/notice.ts',
    },
    output: {
      path: OUT,
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      fallback: { fs: false, path: false, os: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, configFile: 'tsconfig.json', compilerOptions: { noEmit: false } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
        ...page,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
        ...page,
      }),
      new HtmlWebpackPlugin({
        filename: 'notice.html',
        template: './src/commands/notice.html',
        chunks: ['notice'],
        scriptLoading: 'defer',
        ...page,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets', ...copied },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            ...copied,
            transform: url ? (content) => rewriteManifest(content.toString('utf8'), url) : undefined,
          },
          // Decides inside Office whether to load office.js (plain script, copied as is).
          { from: 'src/excel/load-office.js', to: 'load-office.js' },
          ...officeCopy,
        ],
      }),
    ],
    optimization: {
      minimizer: [
        new MinimizerPlugin({
          test: /\.[cm]?js$/i,
          minify: MinimizerPlugin.terserMinify,
          minimizerOptions: { compress: { passes: 1 } },
        }),
      ],
    },
    performance: { hints: false },
    devServer: {
      port: 3000,
      host: 'localhost',
      // Certificates are looked for only when serving (a build does not need them).
      server: { type: 'https', options: env.WEBPACK_SERVE ? httpsOptions() : {} },
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
