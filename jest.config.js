/**
 * Jest: ts-jest with a CommonJS tsconfig; office-addin-manifest mapped to its enum file (see shared/toolchain.md).
 * globalSetup rebuilds dist/ (the CLI the example, CLI, hostile and folder tests run) when src is newer.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: { warnOnly: false } }],
  },
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js',
  },
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/setup/build-cli.ts',
};
