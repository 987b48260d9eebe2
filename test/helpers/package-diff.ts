/** Which parts of two zip packages (.xlsx) differ: added, removed, and changed (bytes after unzipping). */
import { unzipSync } from 'fflate';

export interface PackageDiff {
  added: string[];
  removed: string[];
  changed: string[];
  same: string[];
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function packageParts(bytes: Uint8Array): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(unzipSync(bytes))) if (!k.endsWith('/')) out[k] = v;
  return out;
}

export function diffPackages(before: Uint8Array, after: Uint8Array): PackageDiff {
  const a = packageParts(before);
  const b = packageParts(after);
  const d: PackageDiff = { added: [], removed: [], changed: [], same: [] };
  for (const k of Object.keys(a)) {
    if (!(k in b)) d.removed.push(k);
    else if (equal(a[k], b[k])) d.same.push(k);
    else d.changed.push(k);
  }
  for (const k of Object.keys(b)) if (!(k in a)) d.added.push(k);
  for (const list of Object.values(d)) list.sort();
  return d;
}
