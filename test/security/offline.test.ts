/**
 * The engine, the file host and the CLI never reach the network: with fetch, XMLHttpRequest,
 * net/tls/http(s) connections and DNS stubbed to throw, a full check (and --fix) of every fixture runs clean.
 */
import dns from 'dns';
import { promises as fs } from 'fs';
import http from 'http';
import https from 'https';
import net from 'net';
import os from 'os';
import path from 'path';
import tls from 'tls';
import { FIXTURES } from '../helpers/run-cli';

const attempts: string[] = [];
const trap =
  (what: string) =>
  (..._args: unknown[]): never => {
    attempts.push(what);
    throw new Error(`network access attempted: ${what}`);
  };

type Patchable = Record<string, unknown>;
const patched: [Patchable, string, unknown][] = [];
function stub(obj: unknown, key: string, what: string) {
  const o = obj as Patchable;
  patched.push([o, key, o[key]]);
  o[key] = trap(what);
}

beforeAll(() => {
  stub(globalThis, 'fetch', 'fetch');
  stub(globalThis, 'XMLHttpRequest', 'XMLHttpRequest');
  stub(globalThis, 'WebSocket', 'WebSocket');
  stub(net, 'connect', 'net.connect');
  stub(net, 'createConnection', 'net.createConnection');
  stub(net.Socket.prototype, 'connect', 'net.Socket#connect');
  stub(tls, 'connect', 'tls.connect');
  stub(http, 'request', 'http.request');
  stub(http, 'get', 'http.get');
  stub(https, 'request', 'https.request');
  stub(https, 'get', 'https.get');
  stub(dns, 'lookup', 'dns.lookup');
  stub(dns, 'resolve', 'dns.resolve');
});

afterAll(() => {
  for (const [o, k, v] of patched.reverse()) o[k] = v;
});

test('checking and fixing every fixture in-process makes no network call', async () => {
  // Loaded after the stubs are in place, so module-load-time access would be caught too.
  const { main } = await import('../../src/cli/selfeval');
  const out = await fs.mkdtemp(path.join(os.tmpdir(), 'selfeval-offline-'));
  const writes: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    writes.push(String(s));
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const prev = process.env.SELFEVAL_WORKERS;
    process.env.SELFEVAL_WORKERS = '0'; // in this process, where the stubs are
    const code = await main(['check', FIXTURES, '--fix', '--out', out, '--json']);
    process.env.SELFEVAL_WORKERS = prev;
    expect(code).toBe(1); // summary-2022.xlsx has an error-level finding
  } finally {
    spy.mockRestore();
    err.mockRestore();
  }
  const report = JSON.parse(writes.join(''));
  // The three examples and the five workbooks other programs wrote (test/fixtures/other: .xlsx, .xls, .ods).
  expect(report.summary.files).toBe(8);
  expect(report.summary.tables).toBeGreaterThanOrEqual(8);
  expect((await fs.readdir(out)).length).toBe(8);
  expect(attempts).toEqual([]);
  await fs.rm(out, { recursive: true, force: true });
});

test('the stubs do trap', () => {
  expect(() => (globalThis as unknown as { fetch: () => void }).fetch()).toThrow('network access attempted');
  expect(() => net.connect(80, 'example.com')).toThrow('network access attempted');
  expect(() => http.request('http://example.com')).toThrow('network access attempted');
  attempts.length = 0;
});
