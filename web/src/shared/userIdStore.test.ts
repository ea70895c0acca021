import { describe, expect, it } from 'vitest';
import { forgetUserId, isValidUserId, loadUserId, saveUserId, USER_ID_STORAGE_KEY, type KeyValueStorage } from './userIdStore';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const throwing: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('userIdStore', () => {
  it('accepts only host-issued dl_ ids', () => {
    expect(isValidUserId('dl_abc-DEF_123')).toBe(true);
    expect(isValidUserId('dl_')).toBe(false);
    expect(isValidUserId('r_abc')).toBe(false);
    expect(isValidUserId('dl_<script>')).toBe(false);
    expect(isValidUserId('dl_' + 'a'.repeat(200))).toBe(false);
    expect(isValidUserId(undefined)).toBe(false);
  });

  it('round-trips a stored id', () => {
    const storage = memoryStorage();
    expect(loadUserId(storage)).toBeUndefined();
    expect(saveUserId('dl_visitor1', storage)).toBe(true);
    expect(storage.data.get(USER_ID_STORAGE_KEY)).toBe('dl_visitor1');
    expect(loadUserId(storage)).toBe('dl_visitor1');
    forgetUserId(storage);
    expect(loadUserId(storage)).toBeUndefined();
  });

  it('drops a malformed stored value instead of sending it', () => {
    const storage = memoryStorage({ [USER_ID_STORAGE_KEY]: 'not-an-id' });
    expect(loadUserId(storage)).toBeUndefined();
    expect(storage.data.has(USER_ID_STORAGE_KEY)).toBe(false);
  });

  it('refuses to store a malformed id', () => {
    const storage = memoryStorage();
    expect(saveUserId('someone-else', storage)).toBe(false);
    expect(storage.data.size).toBe(0);
  });

  it('treats blocked or missing storage as a first visit', () => {
    expect(loadUserId(throwing)).toBeUndefined();
    expect(saveUserId('dl_x', throwing)).toBe(false);
    expect(() => forgetUserId(throwing)).not.toThrow();
    expect(loadUserId(undefined)).toBeUndefined();
    expect(saveUserId('dl_x', undefined)).toBe(false);
  });
});
