/**
 * Reads (never verifies) the payload of a JWT, the way Web Chat and DirectLineJS do to find the
 * `user` claim. Returns undefined for opaque or malformed tokens.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return undefined;
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The `user` claim of a Direct Line token, if it is a JWT carrying one. */
export function userIdFromToken(token: string): string | undefined {
  const user = decodeJwtPayload(token)?.['user'];
  return typeof user === 'string' && user.length > 0 ? user : undefined;
}
