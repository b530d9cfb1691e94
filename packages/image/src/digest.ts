import { createHash } from 'node:crypto';

/** `sha256:<hex>` of the exact bytes: a manifest's digest is over the bytes as stored, never a re-serialisation. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

export const DIGEST_SHAPE = /^sha256:[a-f0-9]{64}$/;
