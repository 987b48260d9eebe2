/**
 * Jest's node environment, for `npm run mutate` only (jest.stryker.config.js): during a mutant run, once one test
 * has failed, every later test is skipped. That is the "bail" StrykerJS asks for by default (`disableBail: false`:
 * a mutant is killed by its first failing test), which its jest runner cannot pass to Jest (jestjs/jest#11766),
 * so a killed mutant used to run every covering test and format hundreds of failure diffs, and often hit its
 * time limit. Outside a mutant run (the dry run, plain Jest) it is the plain node environment.
 *
 * The state lives in this module, which Jest loads once per process, so it carries across the test files of one
 * run; it is keyed by the active mutant, so the next mutant starts afresh.
 */
const { TestEnvironment } = require('jest-environment-node');

const ACTIVE = '__STRYKER_ACTIVE_MUTANT__';
let failedFor;

class BailEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    const mutant = process.env[ACTIVE];
    if (mutant === undefined) return;
    if (event.name === 'test_start' && failedFor === mutant) event.test.mode = 'skip';
    if (event.name === 'test_done' && event.test.errors.length > 0) failedFor = mutant;
    if (event.name === 'hook_failure') failedFor = mutant;
  }
}

module.exports = BailEnvironment;
