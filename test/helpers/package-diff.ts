/**
 * Which parts of two zip packages (.xlsx) differ: added, removed, and changed (bytes after unzipping); and,
 * of the parts whose content is the same, those whose compressed bytes in the file are not (`rewritten`:
 * decompressed and compressed again rather than copied). The zip entries are read here with a reader of
 * its own (the central directory, APPNOTE §4.3.12), not with src/file/zip.ts.
 */
import { unzipSync } from 'fflate';

export interface PackageDiff {
  added: string[];
  removed: string[];
  changed: string[];
  same: string[];
  /** Same content, other compressed bytes (method, or the deflate stream itself). */
  rewritten: string[];
}

/** Each entry's method and compressed bytes, by name. */
export function rawEntries(bytes: Uint8Array): Map<string, { method: number; data: Uint8Array }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let o = view.getUint32(end + 16, true);
  const out = new Map<string, { method: number; data: Uint8Array }>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(o, true) !== 0x02014b50) throw new Error('bad central record');
    const method = view.getUint16(o + 10, true);
    const size = view.getUint32(o + 20, true);
    const n = view.getUint16(o + 28, true);
    const x = view.getUint16(o + 30, true);
    const c = view.getUint16(o + 32, true);
    const local = view.getUint32(o + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(o + 46, o + 46 + n));
    const data = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    out.set(name, { method, data: bytes.subarray(data, data + size) });
    o += 46 + n + x + c;
  }
  return out;
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
  const d: PackageDiff = { added: [], removed: [], changed: [], same: [], rewritten: [] };
  const ra = rawEntries(before);
  const rb = rawEntries(after);
  for (const k of Object.keys(a)) {
    if (!(k in b)) d.removed.push(k);
    else if (equal(a[k], b[k])) {
      d.same.push(k);
      const x = ra.get(k)!;
      const y = rb.get(k)!;
      if (x.method !== y.method || !equal(x.data, y.data)) d.rewritten.push(k);
    } else d.changed.push(k);
  }
  for (const k of Object.keys(b)) if (!(k in a)) d.added.push(k);
  for (const list of Object.values(d)) list.sort();
  return d;
}
