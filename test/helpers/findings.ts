/** Findings as `CODE@CELL`, sorted: the form the tests compare. */
interface F {
  severity: string;
  code: string;
  cell: string;
}

/** Errors and warnings only (what a reviewer would send back). */
export const serious = (fs: F[]): string[] =>
  fs
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.code}@${f.cell}`)
    .sort();

/** Every finding, infos included. */
export const all = (fs: F[]): string[] => fs.map((f) => `${f.code}@${f.cell}`).sort();
