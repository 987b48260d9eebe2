/** One workbook file from disk through the engine (the command-line tool); the bytes part is check-buffer.ts. */
import { promises as fs } from 'fs';
import { Settings } from '../engine';
import { CheckOptions, FileOutcome, checkBuffer } from './check-buffer';
import { readErrorMessage } from './read';

export { checkBuffer } from './check-buffer';
export type { CheckOptions, FileOutcome } from './check-buffer';

export async function checkFile(path: string, settings: Settings, opts: CheckOptions = {}): Promise<FileOutcome> {
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(path);
  } catch (e) {
    const error = readErrorMessage(path, e, undefined, opts.lang);
    return { report: { file: path, error, tables: [], findings: [] }, error };
  }
  return checkBuffer(path, new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), settings, opts);
}
