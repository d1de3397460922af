/**
 * base64url (RFC 4648 §5, no padding) of bytes and of UTF-8 text: the URL-safe alphabet needs
 * no percent-encoding in a query string. Works in browsers and Node ≥ 16 (btoa/atob,
 * TextEncoder/TextDecoder are globals in both).
 */
import type { ParseResult } from '../model/setup.ts';

export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function encodeBase64Url(text: string): string {
  return bytesToBase64Url(new TextEncoder().encode(text));
}

/** Decodes base64url to bytes; errors are phrases to follow a subject ("… is not base64url"). */
export function base64UrlToBytes(encoded: string): ParseResult<Uint8Array> {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded)) {
    const bad = [...encoded].find((ch) => !/[A-Za-z0-9_-]/.test(ch)) ?? '';
    return { ok: false, errors: [`is not base64url text (it contains ${JSON.stringify(bad)}; only A-Z, a-z, 0-9, "-" and "_" are used)`] };
  }
  if (encoded.length % 4 === 1) {
    return { ok: false, errors: [`is not base64url text (its length ${encoded.length} cannot be decoded; was it cut short?)`] };
  }
  const padded = encoded.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (encoded.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return { ok: false, errors: ['is not base64url text'] };
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { ok: true, value: bytes };
}

/** Decodes base64url to UTF-8 text; errors are phrases to follow a subject ("… is not base64url"). */
export function decodeBase64Url(encoded: string): ParseResult<string> {
  const bytes = base64UrlToBytes(encoded);
  if (!bytes.ok) return bytes;
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes.value) };
  } catch {
    return { ok: false, errors: ['does not decode to UTF-8 text'] };
  }
}
