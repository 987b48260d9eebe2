/** The pane's strings live in src/i18n (shared with the ribbon command); this path is kept for the components. */
export * from '../i18n/pane';
