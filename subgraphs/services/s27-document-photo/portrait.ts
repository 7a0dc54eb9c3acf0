import { crc32, deflateSync } from 'node:zlib';

/**
 * A synthetic 3:4 portrait (a grey head-and-shoulders silhouette on a plain background) encoded as PNG: the mock
 * stands in for the photo of the population documentation system without any real face.
 */
const WIDTH = 60;
const HEIGHT = 80;
const cache = new Map<number, string>();

export const PORTRAIT = { width: WIDTH, height: HEIGHT, mimeType: 'image/png' } as const;

/** Base64 PNG; `tone` (0-7) shades the background so photos of different people differ. */
export function portraitPng(tone: number): string {
  const cached = cache.get(tone);
  if (cached) return cached;
  const rows: Buffer[] = [];
  for (let y = 0; y < HEIGHT; y++) {
    const row = Buffer.alloc(1 + WIDTH * 3);
    for (let x = 0; x < WIDTH; x++) {
      const head = (x - 30) ** 2 / 12 ** 2 + (y - 30) ** 2 / 15 ** 2 <= 1;
      const shoulders = y >= 52 && (x - 30) ** 2 / 26 ** 2 + (y - 80) ** 2 / 26 ** 2 <= 1;
      const [r, g, b] = head || shoulders ? [110, 110, 115] : [220 - tone * 6, 228 - tone * 4, 240];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', Buffer.from([0, 0, 0, WIDTH, 0, 0, 0, HEIGHT, 8, 2, 0, 0, 0])),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]).toString('base64');
  cache.set(tone, png);
  return png;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
