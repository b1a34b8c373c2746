/** RFC 7807 problem details as the host writes them (pt-BR title/detail, `errors` on 400/409). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails | null;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: ProblemDetails | null, retryAfterSeconds: number | null = null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Field errors keyed by camelCase field name (the server may send `Username` or `username`). */
  get fieldErrors(): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [key, messages] of Object.entries(this.problem?.errors ?? {})) {
      if (!key) continue;
      const field = key.charAt(0).toLowerCase() + key.slice(1);
      result[field] = [...(result[field] ?? []), ...messages];
    }
    return result;
  }

  /** True when the endpoint itself does not exist on this server (not a missing resource it reported). */
  get isMissingEndpoint(): boolean {
    return this.status === 404 && !this.problem?.detail;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
