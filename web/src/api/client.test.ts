import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api, refreshSession } from './client';
import { ApiError } from './problem';
import { getSession, setSession } from './session';
import type { UserProfile } from './types';

const user = { id: 'u1', username: 'maria' } as UserProfile;

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

describe('api client', () => {
  beforeEach(() => {
    setSession({ accessToken: 'old-access', refreshToken: 'refresh-1', expiresAt: Date.now() + 600_000, user });
  });
  afterEach(() => {
    vi.restoreAllMocks();
    setSession(null);
  });

  it('sends the bearer token and parses JSON', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json(200, { ok: true }));
    await expect(api('/v1/me')).resolves.toEqual({ ok: true });
    const init = fetchMock.mock.calls[0]![1]!;
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer old-access');
  });

  it('refreshes once for concurrent 401s and retries each call with the new token', async () => {
    let refreshCalls = 0;
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/v1/auth/refresh') {
        refreshCalls += 1;
        await new Promise((r) => setTimeout(r, 10));
        return json(200, { accessToken: 'new-access', refreshToken: 'refresh-2', expiresIn: 900, tokenType: 'Bearer', user });
      }
      const auth = (init?.headers as Record<string, string>).Authorization;
      return auth === 'Bearer new-access' ? json(200, { url }) : json(401, { title: 'Não autenticado.' });
    });
    const results = await Promise.all([api('/v1/a'), api('/v1/b'), api('/v1/c')]);
    expect(results).toEqual([{ url: '/v1/a' }, { url: '/v1/b' }, { url: '/v1/c' }]);
    expect(refreshCalls).toBe(1);
    expect(getSession()?.refreshToken).toBe('refresh-2');
  });

  it('signs out when the refresh token is rejected', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) =>
      String(input) === '/v1/auth/refresh' ? json(401, { title: 'Sessão expirada.' }) : json(401, {}),
    );
    await expect(api('/v1/me')).rejects.toBeInstanceOf(ApiError);
    expect(getSession()).toBeNull();
  });

  it('refreshes before calling when the access token is about to expire', async () => {
    setSession({ accessToken: 'old-access', refreshToken: 'refresh-1', expiresAt: Date.now() + 5_000, user });
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) =>
      String(input) === '/v1/auth/refresh'
        ? json(200, { accessToken: 'fresh', refreshToken: 'refresh-2', expiresIn: 900, tokenType: 'Bearer', user })
        : json(200, {}),
    );
    await api('/v1/me');
    expect(fetchMock.mock.calls.map((c) => String(c[0]))).toEqual(['/v1/auth/refresh', '/v1/me']);
    expect((fetchMock.mock.calls[1]![1]!.headers as Record<string, string>).Authorization).toBe('Bearer fresh');
  });

  it('turns problem details into field errors keyed in camelCase', async () => {
    setSession(null);
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      json(409, { title: 'Conflito.', status: 409, detail: 'Em uso.', errors: { Username: ['Este nome de usuário já está em uso.'] } }),
    );
    const error = (await api('/v1/auth/register', { method: 'POST', body: {}, auth: false }).catch((e) => e)) as ApiError;
    expect(error.status).toBe(409);
    expect(error.fieldErrors).toEqual({ username: ['Este nome de usuário já está em uso.'] });
    expect(error.isMissingEndpoint).toBe(false);
  });

  it('reads Retry-After on 429', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(json(429, { title: 'Muitas tentativas.' }, { 'Retry-After': '42' }));
    const error = (await api('/v1/auth/login', { method: 'POST', body: {}, auth: false }).catch((e) => e)) as ApiError;
    expect(error.retryAfterSeconds).toBe(42);
  });

  it('drops empty query parameters', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(json(200, {}));
    await api('/v1/challenges', { query: { stack: 'data', level: '', q: undefined, page: 2 } });
    expect(String(fetchMock.mock.calls[0]![0])).toBe('/v1/challenges?stack=data&page=2');
  });

  it('shares nothing when there is no session', async () => {
    setSession(null);
    await expect(refreshSession()).resolves.toBe(false);
  });
});
