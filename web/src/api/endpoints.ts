import { api } from './client';
import type {
  AuthResponse,
  ChallengeDetail,
  ChallengePage,
  ExecuteResponse,
  LanguageInfo,
  LeaderboardPage,
  LeaderboardPeriod,
  Progress,
  SubmissionDetail,
  SubmissionSummary,
  SubmitResponse,
  UpdateProfileRequest,
  UserProfile,
} from './types';

export interface CatalogQuery {
  stack?: string;
  level?: string;
  technology?: string;
  q?: string;
  sort?: string;
  page?: number;
  size?: number;
}

export const endpoints = {
  register: (body: { username: string; email: string; password: string; fullName?: string }) =>
    api<AuthResponse>('/v1/auth/register', { method: 'POST', body, auth: false }),
  login: (body: { login: string; password: string }) =>
    api<AuthResponse>('/v1/auth/login', { method: 'POST', body, auth: false }),
  logout: (refreshToken: string) => api<void>('/v1/auth/logout', { method: 'POST', body: { refreshToken }, auth: false }),
  me: () => api<UserProfile>('/v1/me'),
  updateMe: (body: UpdateProfileRequest) => api<UserProfile>('/v1/me', { method: 'PATCH', body }),
  challenges: (query: CatalogQuery, signal?: AbortSignal) =>
    api<ChallengePage>('/v1/challenges', { query: { ...query }, signal }),
  challenge: (slug: string, signal?: AbortSignal) =>
    api<ChallengeDetail>(`/v1/challenges/${encodeURIComponent(slug)}`, { signal }),
  languages: () => api<LanguageInfo[]>('/v1/code/languages'),
  execute: (body: { language: string; code: string; stdin?: string }) =>
    api<ExecuteResponse>('/v1/code/execute', { method: 'POST', body }),
  submit: (challengeId: string, body: { language: string; code: string }) =>
    api<SubmitResponse>(`/v1/challenges/${challengeId}/submit`, { method: 'POST', body }),
  submissions: (challengeId: string) => api<SubmissionSummary[]>(`/v1/challenges/${challengeId}/submissions`),
  submission: (id: string) => api<SubmissionDetail>(`/v1/submissions/${id}`),
  progress: () => api<Progress>('/v1/me/progress'),
  leaderboard: (period: LeaderboardPeriod, stack: string | undefined, page: number) =>
    api<LeaderboardPage>('/v1/leaderboard', { query: { period, stack, page } }),
};

export const queryKeys = {
  me: ['me'] as const,
  progress: ['progress'] as const,
  languages: ['languages'] as const,
  challenges: (query: CatalogQuery) => ['challenges', query] as const,
  challenge: (slug: string) => ['challenge', slug] as const,
  submissions: (challengeId: string) => ['submissions', challengeId] as const,
  submission: (id: string) => ['submission', id] as const,
  leaderboard: (period: string, stack: string | undefined, page: number) => ['leaderboard', period, stack, page] as const,
};
