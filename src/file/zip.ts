/**
 * The zip container of an OPC package, at the level of its entries: read the central directory, inflate an
 * entry only when it is asked for, and write a package whose unchanged entries are the original's
 * compressed bytes, copied — not decompressed and compressed again. So a checked copy keeps every part it
 * does not change byte for byte in the file itself, and writing it costs only the parts that changed.
 *
 * Plain zip only (PKWARE APPNOTE 6.3.x §4.3): one disk, stored (0) or deflated (8) entries, no ZIP64 and no
 * encryption. `readZip` returns null for anything else, and the caller falls back to fflate's unzip.
 */
import { deflateSync, inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** The central directory record, as read (its local-header offset is rewritten on output). */
  central: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header in the original. */
  localOffset: number;
  /** Offset of the compressed data in the original. */
  dataOffset: number;
}

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** The archive comment (end-of-central-directory record), kept on output. */
  comment: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
}

function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
  b[o + 2] = (v >>> 16) & 0xff;
  b[o + 3] = (v >>> 24) & 0xff;
}

/** The central directory, or null when the archive is not a plain one this module copies safely. */
export function readZip(input: Uint8Array): ZipArchive | null {
  // A plain view: a Node Buffer's slice() is a view, not a copy, and the copies below are written to.
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  // The end record is within the last 22 + 65,535 bytes (its comment is at most 65,535 bytes).
  let end = -1;
  for (let o = bytes.length - 22; o >= 0 && o >= bytes.length - 22 - 0xffff; o--) {
    if (u32(bytes, o) === SIG_END && o + 22 + u16(bytes, o + 20) === bytes.length) {
      end = o;
      break;
    }
  }
  if (end < 0) return null;
  const disk = u16(bytes, end + 4);
  const count = u16(bytes, end + 10);
  const cdSize = u32(bytes, end + 12);
  const cdOffset = u32(bytes, end + 16);
  // ZIP64 marks its fields 0xFFFF / 0xFFFFFFFF; a multi-disk archive is not a workbook.
  if (disk !== 0 || count === 0xffff || cdOffset === 0xffffffff || cdOffset + cdSize > end) return null;
  const entries: ZipEntry[] = [];
  let o = cdOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > end || u32(bytes, o) !== SIG_CENTRAL) return null;
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    const crc = u32(bytes, o + 16);
    const compressedSize = u32(bytes, o + 20);
    const size = u32(bytes, o + 24);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    const localOffset = u32(bytes, o + 42);
    const recordEnd = o + 46 + nameLen + extraLen + commentLen;
    if (recordEnd > end) return null;
    if (flags & 1 || (method !== 0 && method !== 8)) return null;
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return null;
    const nameBytes = bytes.subarray(o + 46, o + 46 + nameLen);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL) return null;
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > bytes.length) return null;
    entries.push({
      name,
      central: bytes.subarray(o, recordEnd),
      method,
      flags,
      crc,
      compressedSize,
      size,
      localOffset,
      dataOffset,
    });
    o = recordEnd;
  }
  return { bytes, entries, comment: bytes.subarray(end + 22, end + 22 + u16(bytes, end + 20)) };
}

/** An entry's content, inflated. Throws when the data is damaged (its size or CRC do not match). */
export function entryData(zip: ZipArchive, e: ZipEntry): Uint8Array {
  const raw = zip.bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  const data = e.method === 0 ? raw.slice() : inflateSync(raw, { out: new Uint8Array(e.size) });
  if (data.length !== e.size || crc32(data) !== e.crc) throw new Error(`压缩包中的部件 ${e.name} 已损坏`);
  return data;
}

let table: Uint32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One entry of the archive to write: an original entry copied as it is, or new content. */
export type ZipOut = { copy: ZipEntry } | { name: string; data: Uint8Array; store?: boolean };

const encoder = new TextEncoder();

/** DOS time and date of now (as zip tools stamp new entries). */
function dosStamp(d = new Date()): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * The archive: copied entries keep their local header (rebuilt only when the original used a trailing data
 * descriptor), compressed bytes and central record (with the new offset); new entries are deflated
 * (pictures stored). Entry order is the order given; the archive comment is kept.
 */
export function writeZip(zip: ZipArchive | null, out: ZipOut[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  const stamp = dosStamp();
  for (const item of out) {
    if ('copy' in item) {
      const e = item.copy;
      const src = zip!.bytes;
      const data = src.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
      let local = src.subarray(e.localOffset, e.dataOffset);
      const central = e.central.slice();
      if (e.flags & 0x8) {
        // Sizes and CRC were in a descriptor after the data: put them in the header and drop the descriptor.
        local = local.slice();
        put16(local, 6, e.flags & ~0x8);
        put32(local, 14, e.crc);
        put32(local, 18, e.compressedSize);
        put32(local, 22, e.size);
        put16(central, 8, e.flags & ~0x8);
      }
      put32(central, 42, offset);
      chunks.push(local, data);
      centrals.push(central);
      offset += local.length + data.length;
    } else {
      const name = encoder.encode(item.name);
      const ascii = name.length === item.name.length;
      const method = item.store ? 0 : 8;
      const data = item.store ? item.data : deflateSync(item.data, { level: 6 });
      const crc = crc32(item.data);
      const flags = ascii ? 0 : 0x800;
      const local = new Uint8Array(30 + name.length);
      put32(local, 0, SIG_LOCAL);
      put16(local, 4, 20);
      put16(local, 6, flags);
      put16(local, 8, method);
      put16(local, 10, stamp.time);
      put16(local, 12, stamp.date);
      put32(local, 14, crc);
      put32(local, 18, data.length);
      put32(local, 22, item.data.length);
      put16(local, 26, name.length);
      put16(local, 28, 0);
      local.set(name, 30);
      const central = new Uint8Array(46 + name.length);
      put32(central, 0, SIG_CENTRAL);
      put16(central, 4, 20);
      put16(central, 6, 20);
      central.set(local.subarray(6, 28), 8);
      put16(central, 30, 0);
      put16(central, 32, 0);
      put16(central, 34, 0);
      put16(central, 36, 0);
      put32(central, 38, 0);
      put32(central, 42, offset);
      central.set(name, 46);
      chunks.push(local, data);
      centrals.push(central);
      offset += local.length + data.length;
    }
  }
  const cdOffset = offset;
  let cdSize = 0;
  for (const c of centrals) cdSize += c.length;
  const comment = zip?.comment ?? new Uint8Array(0);
  const endRec = new Uint8Array(22 + comment.length);
  put32(endRec, 0, SIG_END);
  put16(endRec, 8, centrals.length);
  put16(endRec, 10, centrals.length);
  put32(endRec, 12, cdSize);
  put32(endRec, 16, cdOffset);
  put16(endRec, 20, comment.length);
  endRec.set(comment, 22);
  const total = offset + cdSize + endRec.length;
  const result = new Uint8Array(total);
  let at = 0;
  for (const c of [...chunks, ...centrals, endRec]) {
    result.set(c, at);
    at += c.length;
  }
  return result;
}
