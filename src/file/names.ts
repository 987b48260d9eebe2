/** The checked copy's name: `报表.xlsx` → `报表.checked.xlsx` (the CLI and the browser's file mode). */
export function checkedFileName(name: string): string {
  return `${name.replace(/\.xlsx$/i, '')}.checked.xlsx`;
}
