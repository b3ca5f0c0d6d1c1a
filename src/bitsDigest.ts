// FNV-1a over the little-endian bytes of float64 values: a short fingerprint of exact bits.
function fnv1a(bytes: Uint8Array, offset: number): number {
  let h = offset >>> 0;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i];
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Hex digest of the exact bits of a list of float64 values (little-endian). */
export function bitsDigest(values: ArrayLike<number>): string {
  const buf = new DataView(new ArrayBuffer(values.length * 8));
  for (let i = 0; i < values.length; i++) buf.setFloat64(i * 8, values[i], true);
  const bytes = new Uint8Array(buf.buffer);
  const a = fnv1a(bytes, 0x811c9dc5).toString(16).padStart(8, "0");
  const b = fnv1a(bytes, 0x050c5d1f).toString(16).padStart(8, "0");
  return a + b;
}
