import { ApiError, type ProblemDetails } from './problem';
import { getSession, sessionFromAuth, setSession } from './session';
import type { AuthResponse } from './types';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Send the access token (when signed in). Defaults to true. */
  auth?: boolean;
  /** Sent as is (multipart), instead of `body` as JSON. */
  form?: FormData;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token for a new pair. Refresh tokens are single use, so concurrent callers
 * that all got a 401 share one exchange instead of burning the token several times.
 */
export function refreshSession(): Promise<boolean> {
  if (refreshing) return refreshing;
  const session = getSession();
  if (!session) return Promise.resolve(false);
  refreshing = (async () => {
    try {
      const response = await fetch('/v1/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
      });
      if (!response.ok) {
        // Another tab may have rotated the token already: keep its session if it differs.
        if (getSession()?.refreshToken === session.refreshToken) setSession(null);
        return getSession() !== null;
      }
      setSession(sessionFromAuth((await response.json()) as AuthResponse));
      return true;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** A valid access token, refreshed first when it expires within 30 seconds. */
export async function freshAccessToken(): Promise<string | null> {
  const session = getSession();
  if (!session) return null;
  if (session.expiresAt - Date.now() > 30_000) return session.accessToken;
  return (await refreshSession()) ? (getSession()?.accessToken ?? null) : null;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  return fetch(buildUrl(path, options.query), {
    method: options.method ?? 'GET',
    headers,
    // The browser sets the multipart boundary itself, so a form never gets a Content-Type here.
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    signal: options.signal,
  });
}

async function toError(response: Response): Promise<ApiError> {
  let problem: ProblemDetails | null = null;
  try {
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) problem = (await response.json()) as ProblemDetails;
  } catch {
    problem = null;
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(response.status, problem, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
}

async function respond(path: string, options: RequestOptions): Promise<Response> {
  const useAuth = options.auth !== false;
  const token = useAuth ? await freshAccessToken() : null;
  let response: Response;
  try {
    response = await send(path, options, token);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, null);
  }
  if (response.status === 401 && token && (await refreshSession())) {
    response = await send(path, options, getSession()?.accessToken ?? null);
  }
  if (!response.ok) throw await toError(response);
  return response;
}

/** Calls the API; throws {@link ApiError} for any non-2xx answer. Retries once after refreshing on 401. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await respond(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Like {@link api} for a file answer (a PDF): its bytes and the file name the server suggests. */
export async function apiFile(path: string, options: RequestOptions = {}): Promise<{ blob: Blob; fileName: string | null }> {
  const response = await respond(path, options);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(disposition);
  const fileName = match ? decodeURIComponent(match[1] ?? match[2] ?? '') : null;
  return { blob: await response.blob(), fileName };
}
