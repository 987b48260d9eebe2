/** File mode: choose an .xlsx (read with FileReader-like Blob.arrayBuffer, never uploaded) and download the checked copy. */
import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { Strings } from '../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hidden: { display: 'none' },
  intro: { margin: 0 },
});

export interface FilePickerProps {
  strings: Strings;
  busy: boolean;
  onFile(file: File): void;
  output: { name: string; bytes: Uint8Array } | null;
}

export function FilePicker({ strings, busy, onFile, output }: FilePickerProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const url = useMemo(
    () =>
      output
        ? URL.createObjectURL(
            new Blob([output.bytes as BlobPart], {
              type: /\.xlsm$/i.test(output.name)
                ? 'application/vnd.ms-excel.sheet.macroEnabled.12'
                : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            }),
          )
        : null,
    [output],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <div className={styles.box}>
      <Text as="p" className={styles.intro}>
        {strings.fileModeIntro}
      </Text>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,.xls,.xlsb,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
      <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
        {strings.pickFile}
      </Button>
      {output && url ? (
        <Link href={url} download={output.name} data-testid="download">
          {strings.download(output.name)}
        </Link>
      ) : null}
    </div>
  );
}
