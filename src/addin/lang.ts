/** The add-in's two languages and how Office's display language picks one (words in src/i18n/pane.ts). */
export { langFrom } from '../i18n/pane';
export type { Lang } from '../engine';
