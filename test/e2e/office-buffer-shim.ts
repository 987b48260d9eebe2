/**
 * The one piece of Node's Buffer the Excel fake uses (Buffer.byteLength of a string, to measure the
 * UTF-8 bytes of requests and responses), for its browser build; imported before the fake.
 */
const g = globalThis as unknown as { Buffer?: unknown };
if (typeof g.Buffer === 'undefined') {
  const encoder = new TextEncoder();
  g.Buffer = { byteLength: (s: string) => encoder.encode(String(s)).length };
}
