/**
 * Jest for `npm run mutate` (StrykerJS on src/engine): only the engine's own example-based tests, no dist/
 * build. The property tests cover every engine mutant and would run for each one (≈ 10 s a mutant on a busy
 * 2-core machine); SELFEVAL_MUTATE_PROPERTY=1 adds them, with fewer runs (test/setup/stryker-env.ts).
 * Not used by `npm test`.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/test/engine/**/*.test.ts',
    ...(process.env.SELFEVAL_MUTATE_PROPERTY === '1' ? ['<rootDir>/test/property/**/*.test.ts'] : []),
  ],
  testPathIgnorePatterns: ['/node_modules/', '-cli\\.test\\.ts$'],
  globalSetup: undefined,
  testEnvironment: require('path').join(__dirname, 'test/setup/stryker-bail-environment.cjs'),
  setupFiles: ['<rootDir>/test/setup/stryker-env.ts'],
};
