/**
 * Under StrykerJS each mutant runs the tests that cover it: the property tests use fewer runs (same fixed
 * seed) and stop at the first counterexample instead of shrinking it (shrinking a mutant's failure can take
 * longer than the mutant's time limit).
 */
import fc from 'fast-check';

process.env.SELFEVAL_FUZZ_RUNS ??= process.env.SELFEVAL_MUTATE_FUZZ_RUNS ?? '30';
fc.configureGlobal({ endOnFailure: true });
