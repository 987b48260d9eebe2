/** Text normalisation: full-width to half-width, spaces and line breaks removed. */

export function toHalfWidth(s: string): string {
  if (!/[\u3000\uff01-\uff5e]/.test(s)) return s; // nothing full-width: most cells
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Half-width, no whitespace of any kind. */
export function compact(s: string): string {
  return toHalfWidth(s).replace(/[\s\u00a0\u200b]+/g, '');
}

/** A header cell as matched against the synonym lists: compact, brackets and their content removed. */
export function headerKey(s: string): string {
  return keyOfCompact(compact(s));
}

const KEY_MARKS = /[()【[*＊:：%]|^[0-9]+[.、]/;

/**
 * headerKey() of a text already compacted: brackets and their notes removed, asterisks, a leading
 * number and a trailing colon or `%` dropped. Long texts (sentences) are never keyed: their key is ''.
 */
export function keyOfCompact(c: string): string {
  if (c.length > 80) return '';
  // Most cells (names, numbers written as text) have nothing to remove.
  if (!KEY_MARKS.test(c)) return c.length > 40 ? '' : c;
  const k = c
    .replace(/\([^)]*\)/g, '')
    .replace(/[【[][^】\]]*[】\]]/g, '')
    .replace(/^[*＊]+/, '')
    .replace(/[:：*＊%]+$/g, '')
    .replace(/^[0-9]+[.、]/, '');
  return k.length > 40 ? '' : k;
}

/** The first "(N分)" in a label: the weight it states. */
export function statedWeight(s: string): string | null {
  const m = /\((\d+(?:\.\d+)?)分\)/.exec(compact(s));
  return m ? m[1] : null;
}
