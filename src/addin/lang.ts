/** The add-in's two languages and how Office's display language picks one. */

export type Lang = 'zh' | 'en';

/** `zh-CN`, `zh-TW`, `zh` → zh; anything else (including unknown) → en; no language at all → zh. */
export function langFrom(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return 'zh';
  return /^zh\b/i.test(displayLanguage) ? 'zh' : 'en';
}
