import { randomFillSync } from "node:crypto";

// UUIDv7 (RFC 9562): time-ordered ids land at the end of the store's event-id index instead of
// all over it, which keeps large appends fast as the log grows.

// Random bytes are drawn 4 KiB at a time: one system call per 256 ids, not per id.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;
let lastMs = -1;
let sequence = 0;

function randomBytes16(): Buffer {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = Buffer.from(pool.subarray(poolOffset, poolOffset + 16));
  poolOffset += 16;
  return bytes;
}

export function newEventId(now = Date.now()): string {
  const bytes = randomBytes16();
  // 12-bit counter in rand_a keeps ids from one millisecond in order.
  if (now <= lastMs) {
    sequence++;
    if (sequence > 0xfff) {
      lastMs++;
      sequence = 0;
    }
  } else {
    lastMs = now;
    sequence = bytes.readUInt16BE(6) & 0x3ff;
  }
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | ((bytes[8] as number) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
