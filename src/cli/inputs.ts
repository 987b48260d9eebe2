/** The workbooks named on the command line (.xlsx, .xlsm, .xls, .xlsb, .ods), folders searched recursively. */
import { promises as fs } from 'fs';
import path from 'path';
import { checkedFileName, isWorkbookName } from '../file/names';

export async function expandInputs(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = await fs.stat(input);
    } catch {
      out.push(input); // reported as unreadable by the checker
      continue;
    }
    if (st.isDirectory()) out.push(...(await walk(input)));
    else out.push(input);
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (isWorkbookName(e.name)) out.push(p);
  }
  return out;
}

/** Where `--fix` writes a file's checked copy: `<name>.checked.xlsx` (.xlsm) in outDir or beside the file. */
export function checkedCopyPath(file: string, outDir: string | null, ext?: 'xlsx' | 'xlsm'): string {
  return path.join(outDir ?? path.dirname(file), checkedFileName(path.basename(file), ext));
}
