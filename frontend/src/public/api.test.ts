import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOGIN_WAIT_MS, request, setRequestAuth } from './api';
import { anonymousAuth } from './auth';
import { CITIZEN, fakeLogin, stubServer } from './testServer';

const QUERY = 'query PublicPing { ping }';

afterEach(() => {
  setRequestAuth(anonymousAuth);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('requests of the public pages', () => {
  it('carry the token of a known login, even when they do not wait for it', async () => {
    const sent = stubServer({ PublicPing: () => ({ data: { ping: 'pong' } }) });
    setRequestAuth(fakeLogin(CITIZEN).auth);
    await request(QUERY);
    expect(sent[0]!.authorization).toBe('Bearer citizen-token');
  });

  it('do not wait for a pending login check unless asked to', async () => {
    const sent = stubServer({ PublicPing: () => ({ data: { ping: 'pong' } }) });
    setRequestAuth(fakeLogin(CITIZEN, { pending: true }).auth);
    await request(QUERY);
    expect(sent[0]!.authorization).toBeNull();
  });

  it('go anonymous when the login check takes too long', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const sent = stubServer({ PublicPing: () => ({ data: { ping: 'pong' } }) });
    setRequestAuth(fakeLogin(CITIZEN, { pending: true }).auth);
    const answer = request(QUERY, {}, { waitForLogin: true });
    await vi.advanceTimersByTimeAsync(LOGIN_WAIT_MS - 1);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toEqual({ ping: 'pong' });
    expect(sent[0]!.authorization).toBeNull();
  });

  it('go anonymous when no one is logged in', async () => {
    const sent = stubServer({ PublicPing: () => ({ data: { ping: 'pong' } }) });
    setRequestAuth(fakeLogin(null).auth);
    await request(QUERY, {}, { waitForLogin: true });
    expect(sent[0]!.authorization).toBeNull();
  });
});
