// read/decode.ts rules out a legacy file's UTF-8 reading by counting what TextDecoder would give
// (utf8Shape) instead of decoding, and checks validity with buffer.isUtf8: both must agree with
// TextDecoder exactly.
import { describe, it, expect } from 'vitest';
import { utf8Shape, isValidUtf8 } from '../src/read/decode.js';

const dec = new TextDecoder('utf-8');
function truth(b: Uint8Array): { units: number; fffd: number } {
  const t = dec.decode(b);
  let fffd = 0;
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 0xfffd) fffd++;
  return { units: t.length, fffd };
}
function valid(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

describe('UTF-8 shape without decoding', () => {
  it('equals TextDecoder on random byte strings rich in sequence boundaries', () => {
    const special = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0xbb, 0xbd, 0x41];
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let t = 0; t < 100000; t++) {
      const b = new Uint8Array(Math.floor(rnd() * 12));
      for (let i = 0; i < b.length; i++) b[i] = rnd() < 0.6 ? special[Math.floor(rnd() * special.length)] : Math.floor(rnd() * 256);
      if (rnd() < 0.1 && b.length >= 3) b.set([0xef, 0xbb, 0xbf]);
      const got = utf8Shape(b);
      const want = truth(b);
      if (got.units !== want.units || got.fffd !== want.fffd) expect({ bytes: [...b], ...got }).toEqual({ bytes: [...b], ...want });
      if (isValidUtf8(b) !== valid(b)) expect(isValidUtf8(b)).toBe(valid(b));
    }
  });

  it('counts U+FFFD written in the text and astral characters as two units', () => {
    for (const s of ['\ufffd', 'a\ufffdb', '𠮷\ufffd', '\ufeff\ufeffx', '浙政发〔2018〕16号']) expect(utf8Shape(Buffer.from(s))).toEqual(truth(Buffer.from(s)));
  });

  it('GB18030 bytes: stops early once the U+FFFD are too many', () => {
    const gb = Buffer.from('c8abc3e6cdc6bdf8d5feb8aecad6b6ccd5feb2dfb5d8c6f0b2ddc9e8bcc6'.repeat(50), 'hex');
    const full = utf8Shape(gb);
    expect(full).toEqual(truth(gb));
    const part = utf8Shape(gb, gb.length * 0.02);
    expect(part.fffd).toBeGreaterThan(gb.length * 0.02);
    expect(part.units).toBeLessThan(full.units);
  });
});
