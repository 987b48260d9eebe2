/** File mode: choose an .xlsx (read with FileReader-like Blob.arrayBuffer, never uploaded) and download the checked copy. */
import { Button, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { Strings } from '../i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hidden: { display: 'none' },
});

export interface FilePickerProps {
  s: Strings;
  busy: boolean;
  onFile(file: File): void;
  output: { name: string; bytes: Uint8Array } | null;
}

export function FilePicker({ s, busy, onFile, output }: FilePickerProps) {
  const c = useStyles();
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
    <div className={c.box}>
      <Text as="p">{s.fileModeIntro}</Text>
      <input
        ref={input}
        className={c.hidden}
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
        {s.pickFile}
      </Button>
      {output && url ? (
        <Link href={url} download={output.name} data-testid="download">
          {s.download(output.name)}
        </Link>
      ) : null}
    </div>
  );
}
