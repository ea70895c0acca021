/**
 * Remembers the chat identity the host handed out (`userId` from POST /api/chat/token) so a
 * returning visitor keeps the same Direct Line user and the bot recognises them.
 * Storage can be missing or throw (Safari private mode, blocked third-party storage in an
 * iframe): then the visitor is simply treated as new each time.
 */
export const USER_ID_STORAGE_KEY = 'northwind.chat.userId';

/** Ids the host issues: `dl_` followed by URL-safe characters, bounded length. */
const USER_ID_PATTERN = /^dl_[A-Za-z0-9_-]{1,128}$/;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function isValidUserId(value: unknown): value is string {
  return typeof value === 'string' && USER_ID_PATTERN.test(value);
}

export function defaultStorage(): KeyValueStorage | undefined {
  try {
    return typeof window !== 'undefined' ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

export function loadUserId(storage: KeyValueStorage | undefined = defaultStorage()): string | undefined {
  if (!storage) return undefined;
  try {
    const value = storage.getItem(USER_ID_STORAGE_KEY);
    if (isValidUserId(value)) return value;
    if (value !== null) storage.removeItem(USER_ID_STORAGE_KEY);
  } catch {
    // Storage blocked: behave as a first visit.
  }
  return undefined;
}

/** Stores the id if it looks like one the host issues; returns whether it was stored. */
export function saveUserId(userId: string, storage: KeyValueStorage | undefined = defaultStorage()): boolean {
  if (!storage || !isValidUserId(userId)) return false;
  try {
    storage.setItem(USER_ID_STORAGE_KEY, userId);
    return true;
  } catch {
    return false;
  }
}

export function forgetUserId(storage: KeyValueStorage | undefined = defaultStorage()): void {
  try {
    storage?.removeItem(USER_ID_STORAGE_KEY);
  } catch {
    // Nothing to do.
  }
}
