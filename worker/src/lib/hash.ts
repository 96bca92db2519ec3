const encoder = new TextEncoder();

/** SHA-256 of a UTF-8 string, lowercase hex (WebCrypto: Node and Workers alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((x) => x.toString(16).padStart(2, '0')).join('');
}
