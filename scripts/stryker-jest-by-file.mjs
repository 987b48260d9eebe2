/**
 * A Stryker test runner, `jest-by-file`: StrykerJS's own jest runner, with one change in which files Jest opens.
 *
 * With `coverageAnalysis: "perTest"`, Stryker runs each mutant with only the tests that cover it, by passing
 * Jest a test-name pattern. StrykerJS 9.6.1 still hands Jest every test file, so each mutant run loads all 35
 * engine test files (and the instrumented engine once per file) to run perhaps three tests in one of them:
 * ≈ 3 s a mutant before any test runs. This runner remembers, from the dry run, which file each test is in, and
 * passes Jest only the files that hold the selected tests. The same tests run, with the same pattern; a mutant
 * that no test covers, or a static mutant (every test), runs every file as before.
 *
 * The dry run's map is written to `.stryker-test-files.json` in the sandbox, because the dry run happens in one
 * test-runner process and the mutants run in others (and in new ones after a time-out).
 */
import fs from 'fs';
import path from 'path';
import { declareFactoryPlugin, PluginKind } from '@stryker-mutator/api/plugin';
import { strykerPlugins as jestPlugins } from '@stryker-mutator/jest-runner';

const jestFactory = jestPlugins.find((p) => p.name === 'jest').factory;
const MAP_FILE = '.stryker-test-files.json';

/** Jest reads positional test paths as regular expressions. */
function pathPattern(file) {
  return file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function byFileRunnerFactory(injector) {
  const runner = jestFactory(injector);
  let filesById;
  let selected;

  const loadMap = () => {
    if (!filesById) {
      try {
        filesById = new Map(Object.entries(JSON.parse(fs.readFileSync(path.resolve(MAP_FILE), 'utf8'))));
      } catch {
        filesById = new Map();
      }
    }
    return filesById;
  };

  const dryRun = runner.dryRun.bind(runner);
  runner.dryRun = async (options) => {
    const result = await dryRun(options);
    if (result.status === 'complete') {
      const map = {};
      for (const test of result.tests) {
        const files = (map[test.id] ??= []);
        if (!files.includes(test.fileName)) files.push(test.fileName);
      }
      fs.writeFileSync(path.resolve(MAP_FILE), JSON.stringify(map));
      filesById = new Map(Object.entries(map));
    }
    return result;
  };

  const mutantRun = runner.mutantRun.bind(runner);
  runner.mutantRun = async (options) => {
    selected = undefined;
    if (options.testFilter && options.testFilter.length) {
      const map = loadMap();
      const files = new Set();
      for (const id of options.testFilter) {
        const found = map.get(id);
        if (!found) {
          files.clear();
          break; // unknown test: run every file, as the plain runner does
        }
        found.forEach((f) => files.add(f));
      }
      if (files.size) selected = [...files].map(pathPattern);
    }
    try {
      return await mutantRun(options);
    } finally {
      selected = undefined;
    }
  };

  const run = runner.run.bind(runner);
  runner.run = (settings) => (selected ? run({ ...settings, testFiles: selected }) : run(settings));
  return runner;
}
byFileRunnerFactory.inject = jestFactory.inject;

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'jest-by-file', byFileRunnerFactory)];
