/**
 * An OPC package (.xlsx, .xlsm) as a map of parts: the zip's entries read by `zip.ts` (inflated only when
 * a part is asked for), XML parts parsed on demand with @xmldom/xmldom, written back with only the parts
 * that were changed re-serialised and compressed — every other entry is copied as its original compressed
 * bytes. A zip that `zip.ts` does not copy (ZIP64, odd methods) is read whole with fflate and every part
 * is compressed again (same content, other compressed bytes).
 */
import { unzipSync } from 'fflate';
import { ZipArchive, ZipEntry, ZipOut, entryData, readZip, writeZip } from './zip';
import { DOMParser, Document, Element, Node, XMLSerializer } from '@xmldom/xmldom';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
};
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export interface Relationship {
  id: string;
  type: string;
  /** The target as a part name (no leading slash), resolved against the source part. */
  target: string;
  external: boolean;
  el: Element;
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function dirname(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i);
}

/** `target` of a relationship in `source` as a part name: absolute (`/xl/x.xml`) or relative (`../x.xml`). */
export function resolveTarget(source: string, target: string): string {
  const t = decodeURI(target);
  const parts = t.startsWith('/') ? [] : dirname(source).split('/').filter(Boolean);
  for (const seg of t.replace(/^\/+/, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The relative target from `source` to the part `target` (both part names). */
export function relativeTarget(source: string, target: string): string {
  const from = dirname(source).split('/').filter(Boolean);
  const to = target.split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
}

export function relsPartOf(part: string): string {
  const d = dirname(part);
  const base = part.slice(d.length ? d.length + 1 : 0);
  return `${d ? `${d}/` : ''}_rels/${base}.rels`;
}

/** Child elements of `el`, optionally of one local name. */
export function children(el: Element, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === Node.ELEMENT_NODE && (!local || (n as Element).localName === local)) out.push(n as Element);
  }
  return out;
}

export function child(el: Element, local: string): Element | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === Node.ELEMENT_NODE && (n as Element).localName === local) return n as Element;
  }
  return undefined;
}

/** A new element in the namespace (and with the prefix) of `like`. */
export function elementLike(doc: Document, like: Element, local: string): Element {
  const ns = like.namespaceURI;
  return doc.createElementNS(ns, like.prefix ? `${like.prefix}:${local}` : local);
}

/** Insert `el` into `parent` where the schema's sequence `order` puts it (unknown children are skipped over). */
export function insertInOrder(parent: Element, el: Element, order: string[]): void {
  const mine = order.indexOf(el.localName!);
  for (const c of children(parent)) {
    const k = order.indexOf(c.localName!);
    if (k > mine) {
      parent.insertBefore(el, c);
      return;
    }
  }
  parent.appendChild(el);
}

export class Package {
  /** Part → its content: the original entry (inflated on first use) or new bytes (`put`). */
  private parts: Map<string, Uint8Array | ZipEntry>;
  private docs = new Map<string, Document>();
  private dirty = new Set<string>();
  private removed = new Set<string>();
  /** Parts given new bytes by `put` (written compressed anew). */
  private replaced = new Set<string>();

  private constructor(
    parts: Map<string, Uint8Array | ZipEntry>,
    private zip: ZipArchive | null,
  ) {
    this.parts = parts;
  }

  static read(bytes: Uint8Array): Package {
    const zip = readZip(bytes);
    const parts = new Map<string, Uint8Array | ZipEntry>();
    if (zip) {
      for (const e of zip.entries) if (!e.name.endsWith('/')) parts.set(e.name, e);
      return new Package(parts, zip);
    }
    const files = unzipSync(bytes);
    for (const [name, data] of Object.entries(files)) if (!name.endsWith('/')) parts.set(name, data);
    return new Package(parts, null);
  }

  names(): string[] {
    return [...this.parts.keys()].filter((n) => !this.removed.has(n));
  }

  has(part: string): boolean {
    return this.parts.has(part) && !this.removed.has(part);
  }

  bytes(part: string): Uint8Array | undefined {
    if (!this.has(part)) return undefined;
    const p = this.parts.get(part)!;
    if (p instanceof Uint8Array) return p;
    const data = entryData(this.zip!, p);
    this.parts.set(part, data);
    this.entries.set(part, p);
    return data;
  }

  /** The original entries of parts inflated so far (kept so an unchanged part is still copied raw). */
  private entries = new Map<string, ZipEntry>();

  /** The parsed XML of a part (cached); call `touch` after changing it. */
  xml(part: string): Document {
    let doc = this.docs.get(part);
    if (!doc) {
      const data = this.bytes(part);
      if (!data) throw new Error(`缺少部件 ${part}`);
      doc = new DOMParser().parseFromString(utf8.decode(data), 'text/xml') as unknown as Document;
      this.docs.set(part, doc);
    }
    return doc;
  }

  parseXml(text: string): Document {
    return new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;
  }

  touch(part: string): void {
    this.dirty.add(part);
  }

  /** A new or replaced part, as XML text or bytes. */
  put(part: string, content: string | Uint8Array): void {
    this.parts.set(part, typeof content === 'string' ? encoder.encode(content) : content);
    this.replaced.add(part);
    this.docs.delete(part);
    this.dirty.delete(part);
    this.removed.delete(part);
  }

  putXml(part: string, xml: string): Document {
    this.put(part, xml);
    this.dirty.add(part);
    return this.xml(part);
  }

  remove(part: string): void {
    this.removed.add(part);
    this.docs.delete(part);
    this.dirty.delete(part);
  }

  /** A part name like `prefix{n}suffix` that is not taken. */
  freeName(prefix: string, suffix: string, from = 1): string {
    const taken = new Set([...this.parts.keys()].map((k) => k.toLowerCase()));
    for (let n = from; ; n++) {
      const name = `${prefix}${n}${suffix}`;
      if (!taken.has(name.toLowerCase())) return name;
    }
  }

  rels(source: string): Relationship[] {
    const rp = source === '' ? '_rels/.rels' : relsPartOf(source);
    if (!this.has(rp)) return [];
    return children(this.xml(rp).documentElement as unknown as Element, 'Relationship').map((el) => {
      const external = el.getAttribute('TargetMode') === 'External';
      const target = el.getAttribute('Target') ?? '';
      return {
        id: el.getAttribute('Id') ?? '',
        type: el.getAttribute('Type') ?? '',
        target: external ? target : resolveTarget(source, target),
        external,
        el,
      };
    });
  }

  /** Add a relationship from `source` to the part `target`; returns its Id. */
  addRel(source: string, type: string, target: string): string {
    const rp = relsPartOf(source);
    if (!this.has(rp))
      this.put(
        rp,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}"></Relationships>`,
      );
    const doc = this.xml(rp);
    const root = doc.documentElement as unknown as Element;
    const ids = new Set(children(root, 'Relationship').map((e) => e.getAttribute('Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const el = doc.createElementNS(NS.rels, 'Relationship') as unknown as Element;
    el.setAttribute('Id', `rId${n}`);
    el.setAttribute('Type', type);
    el.setAttribute('Target', relativeTarget(source, target));
    root.appendChild(el);
    this.touch(rp);
    return `rId${n}`;
  }

  removeRel(source: string, id: string): void {
    const rp = relsPartOf(source);
    const rel = this.rels(source).find((r) => r.id === id);
    if (!rel) return;
    rel.el.parentNode?.removeChild(rel.el);
    this.touch(rp);
  }

  private types(): Element {
    return this.xml('[Content_Types].xml').documentElement as unknown as Element;
  }

  addOverride(part: string, contentType: string): void {
    const root = this.types();
    const name = `/${part}`;
    const existing = children(root, 'Override').find(
      (e) => e.getAttribute('PartName')?.toLowerCase() === name.toLowerCase(),
    );
    if (existing) {
      if (existing.getAttribute('ContentType') === contentType) return;
      existing.setAttribute('ContentType', contentType);
    } else {
      const el = this.xml('[Content_Types].xml').createElementNS(NS.ct, 'Override') as unknown as Element;
      el.setAttribute('PartName', name);
      el.setAttribute('ContentType', contentType);
      root.appendChild(el);
    }
    this.touch('[Content_Types].xml');
  }

  /** The content type the package gives a part (its Override, else its extension's Default). */
  contentType(part: string): string | undefined {
    const root = this.types();
    const o = children(root, 'Override').find(
      (e) => e.getAttribute('PartName')?.toLowerCase() === `/${part}`.toLowerCase(),
    );
    if (o) return o.getAttribute('ContentType') ?? undefined;
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    return (
      children(root, 'Default')
        .find((e) => e.getAttribute('Extension')?.toLowerCase() === ext)
        ?.getAttribute('ContentType') ?? undefined
    );
  }

  removeOverride(part: string): void {
    const root = this.types();
    for (const e of children(root, 'Override')) {
      if (e.getAttribute('PartName')?.toLowerCase() === `/${part}`.toLowerCase()) {
        root.removeChild(e);
        this.touch('[Content_Types].xml');
      }
    }
  }

  ensureDefault(ext: string, contentType: string): void {
    const root = this.types();
    if (children(root, 'Default').some((e) => e.getAttribute('Extension')?.toLowerCase() === ext)) return;
    const el = this.xml('[Content_Types].xml').createElementNS(NS.ct, 'Default') as unknown as Element;
    el.setAttribute('Extension', ext);
    el.setAttribute('ContentType', contentType);
    const first = children(root)[0];
    if (first) root.insertBefore(el, first);
    else root.appendChild(el);
    this.touch('[Content_Types].xml');
  }

  /**
   * The package's bytes: changed XML parts re-serialised and new parts compressed (pictures stored); every
   * other part is its original entry, copied compressed as it was. Parts keep their order; new ones follow.
   */
  write(): Uint8Array {
    const out: ZipOut[] = [];
    const serializer = new XMLSerializer();
    for (const [name, p] of this.parts) {
      if (this.removed.has(name)) continue;
      const original = p instanceof Uint8Array ? this.entries.get(name) : p;
      if (original && !this.dirty.has(name) && !this.replaced.has(name)) {
        out.push({ copy: original });
        continue;
      }
      let bytes = p instanceof Uint8Array ? p : this.bytes(name)!;
      if (this.dirty.has(name)) bytes = encoder.encode(serializer.serializeToString(this.docs.get(name)!));
      // Pictures are compressed already: store them.
      out.push({ name, data: bytes, store: /\.(png|jpe?g|gif|wdp)$/i.test(name) });
    }
    return writeZip(this.zip, out);
  }
}
