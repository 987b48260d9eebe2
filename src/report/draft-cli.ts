import { Settings } from '../engine/settings';

export async function draftMain(_input: string, _out: string | null, _settings: Settings): Promise<number> {
  process.stderr.write('selfeval report draft：尚未完成\n');
  return 2;
}
