/** `selfeval report draft FILE [--out DIR]`: writes `<name>.自评报告草稿.docx`. */
import { Settings } from '../engine';
import { promises as fs } from 'fs';
import * as path from 'path';
import { draftFromBytes, draftName } from './draft';

export async function draftMain(input: string, out: string | null, settings: Settings): Promise<number> {
  let data: Buffer;
  try {
    data = await fs.readFile(input);
  } catch {
    process.stderr.write(`${input}：无法读取（文件不存在或没有权限）\n`);
    return 2;
  }
  let docx: Uint8Array;
  let placeholders = 0;
  let marks = 0;
  try {
    const d = await draftFromBytes(input, new Uint8Array(data), settings);
    docx = d.docx;
    for (const b of d.blocks) {
      if (b.kind !== 'p') continue;
      for (const r of b.runs) {
        if ('placeholder' in r) placeholders++;
        if ('mark' in r) marks++;
      }
    }
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return 2;
  }
  const dir = out ?? path.dirname(input);
  const target = path.join(dir, draftName(input));
  try {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(target, docx);
  } catch (e) {
    process.stderr.write(`${input}：无法写出 ${target}（${(e as Error).message}）\n`);
    return 2;
  }
  process.stdout.write(
    `已写出 ${target}：${placeholders} 处【请填写】待人工填写，${marks} 处表内数字与规则不符已标出\n`,
  );
  return 0;
}
