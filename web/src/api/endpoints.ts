import { api, apiFile } from './client';
import type {
  Applicant,
  Assessment,
  AssessmentRequest,
  AuthResponse,
  Company,
  CompanyAccess,
  CompanyRequest,
  ContactRequestBody,
  Discoverable,
  Job,
  JobForMe,
  JobPage,
  JobRequest,
  MyApplication,
  NotificationList,
  RankedCandidate,
  ReceivedContactRequest,
  SentContactRequest,
  CheckoutBody,
  ChallengeDetail,
  ChallengePage,
  ExecuteResponse,
  GiveUpResponse,
  LanguageInfo,
  LeaderboardPage,
  LeaderboardPeriod,
  MyBilling,
  MySubmissionPage,
  PlanCatalog,
  PortfolioView,
  Progress,
  Project,
  ProjectRequest,
  RedirectUrl,
  ReplaceProfileRequest,
  ShareLink,
  SolutionResponse,
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

/** `GET /v1/me/submissions` filters; the server answers 400 to an unknown status or language. */
export interface MySubmissionsQuery {
  status?: string;
  language?: string;
  page?: number;
  size?: number;
}

/** `GET /v1/jobs` filters; the server answers 400 to an unknown label. */
export interface JobsQuery {
  q?: string;
  stack?: string;
  level?: string;
  type?: string;
  workModel?: string;
  technology?: string;
  location?: string;
  salaryMin?: number;
  sort?: string;
  page?: number;
  size?: number;
}

export const endpoints = {
  register: (body: { username: string; email: string; password: string; fullName?: string; accountType?: 'learner' | 'company' }) =>
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
  mySubmissions: (query: MySubmissionsQuery, signal?: AbortSignal) =>
    api<MySubmissionPage>('/v1/me/submissions', { query: { ...query }, signal }),
  giveUp: (challengeId: string) => api<GiveUpResponse>(`/v1/challenges/${challengeId}/give-up`, { method: 'POST' }),
  solution: (challengeId: string, language: string, signal?: AbortSignal) =>
    api<SolutionResponse>(`/v1/challenges/${challengeId}/solution`, { query: { language }, signal }),
  progress: () => api<Progress>('/v1/me/progress'),
  leaderboard: (period: LeaderboardPeriod, stack: string | undefined, page: number) =>
    api<LeaderboardPage>('/v1/leaderboard', { query: { period, stack, page } }),
  replaceProfile: (body: ReplaceProfileRequest) => api<UserProfile>('/v1/me/profile', { method: 'PUT', body }),
  createShareLink: () => api<ShareLink>('/v1/me/profile/share-link', { method: 'POST' }),
  revokeShareLink: () => api<void>('/v1/me/profile/share-link', { method: 'DELETE' }),
  /** Sent with the session when there is one: the owner sees their own private profile. */
  portfolio: (username: string, share: string | undefined, signal?: AbortSignal) =>
    api<PortfolioView>(`/v1/portfolio/${encodeURIComponent(username)}`, { query: { share }, signal }),
  myProjects: () => api<Project[]>('/v1/portfolio/projects'),
  project: (id: string) => api<Project>(`/v1/portfolio/projects/${id}`),
  createProject: (body: ProjectRequest) => api<Project>('/v1/portfolio/projects', { method: 'POST', body }),
  updateProject: (id: string, body: ProjectRequest) => api<Project>(`/v1/portfolio/projects/${id}`, { method: 'PUT', body }),
  deleteProject: (id: string) => api<void>(`/v1/portfolio/projects/${id}`, { method: 'DELETE' }),
  reorderProjects: (ids: string[]) => api<Project[]>('/v1/portfolio/projects/order', { method: 'PUT', body: { ids } }),
  uploadProjectThumbnail: (id: string, file: File) =>
    api<Project>(`/v1/portfolio/projects/${id}/thumbnail`, { method: 'POST', form: fileForm(file) }),
  uploadProjectImage: (id: string, file: File) =>
    api<Project>(`/v1/portfolio/projects/${id}/images`, { method: 'POST', form: fileForm(file) }),
  deleteProjectImage: (id: string, name: string) =>
    api<Project>(`/v1/portfolio/projects/${id}/images/${encodeURIComponent(name)}`, { method: 'DELETE' }),
  projectFromSubmission: (submissionId: string, showCode: boolean) =>
    api<Project>(`/v1/portfolio/projects/from-submission/${submissionId}`, { method: 'POST', body: { showCode } }),
  exportCv: () => apiFile('/v1/portfolio/export', { method: 'POST' }),
  plans: () => api<PlanCatalog>('/v1/billing/plans', { auth: false }),
  myBilling: () => api<MyBilling>('/v1/billing'),
  checkout: (body: CheckoutBody) => api<RedirectUrl>('/v1/billing/checkout', { method: 'POST', body }),
  billingPortal: () => api<RedirectUrl>('/v1/billing/portal', { method: 'POST' }),

  // Jobs: public search and pages.
  jobs: (query: JobsQuery, signal?: AbortSignal) => api<JobPage>('/v1/jobs', { query: { ...query }, signal }),
  job: (id: string, signal?: AbortSignal) => api<Job>(`/v1/jobs/${encodeURIComponent(id)}`, { signal }),
  company: (id: string) => api<Company>(`/v1/companies/${encodeURIComponent(id)}`),
  // Jobs: the learner's side.
  jobsForMe: () => api<{ items: JobForMe[] }>('/v1/jobs/for-me'),
  apply: (jobId: string, note: string | undefined) =>
    api<MyApplication>(`/v1/jobs/${encodeURIComponent(jobId)}/apply`, { method: 'POST', body: { note } }),
  myApplications: () => api<MyApplication[]>('/v1/me/applications'),
  withdrawApplication: (id: string) => api<void>(`/v1/me/applications/${id}`, { method: 'DELETE' }),
  discoverable: () => api<Discoverable>('/v1/me/discoverable'),
  setDiscoverable: (discoverable: boolean) => api<Discoverable>('/v1/me/discoverable', { method: 'PUT', body: { discoverable } }),
  companyAccess: () => api<CompanyAccess[]>('/v1/me/company-access'),
  notifications: () => api<NotificationList>('/v1/me/notifications'),
  /** Without ids, marks every unread notification. */
  markNotificationsRead: (ids?: string[]) => api<void>('/v1/me/notifications/read', { method: 'POST', body: { ids } }),
  claimAssessment: (token: string) => api<Assessment>('/v1/me/assessments/claim', { method: 'POST', body: { token } }),
  myAssessments: () => api<Assessment[]>('/v1/me/assessments'),
  myContactRequests: () => api<ReceivedContactRequest[]>('/v1/me/contact-requests'),
  answerContactRequest: (id: string, answer: 'accept' | 'decline') =>
    api<ReceivedContactRequest>(`/v1/me/contact-requests/${id}/${answer}`, { method: 'POST' }),
  // Jobs: the company's side.
  myCompany: () => api<Company>('/v1/companies/me'),
  saveMyCompany: (body: CompanyRequest) => api<Company>('/v1/companies/me', { method: 'PUT', body }),
  myJobs: () => api<Job[]>('/v1/jobs/mine'),
  createJob: (body: JobRequest) => api<Job>('/v1/jobs', { method: 'POST', body }),
  updateJob: (id: string, body: JobRequest) => api<Job>(`/v1/jobs/${id}`, { method: 'PUT', body }),
  deleteJob: (id: string) => api<void>(`/v1/jobs/${id}`, { method: 'DELETE' }),
  jobApplications: (jobId: string) => api<Applicant[]>(`/v1/jobs/${jobId}/applications`),
  moveApplication: (id: string, status: string) => api<Applicant>(`/v1/applications/${id}/status`, { method: 'PUT', body: { status } }),
  jobCandidates: (jobId: string) => api<RankedCandidate[]>(`/v1/jobs/${jobId}/candidates`),
  createAssessment: (body: AssessmentRequest) => api<Assessment>('/v1/assessments', { method: 'POST', body }),
  companyAssessments: () => api<Assessment[]>('/v1/assessments'),
  companyAssessment: (id: string) => api<Assessment>(`/v1/assessments/${id}`),
  requestContact: (body: ContactRequestBody) => api<SentContactRequest>('/v1/companies/me/contact-requests', { method: 'POST', body }),
  companyContactRequests: () => api<SentContactRequest[]>('/v1/companies/me/contact-requests'),
};

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

export const queryKeys = {
  me: ['me'] as const,
  progress: ['progress'] as const,
  languages: ['languages'] as const,
  challenges: (query: CatalogQuery) => ['challenges', query] as const,
  challenge: (slug: string) => ['challenge', slug] as const,
  submissions: (challengeId: string) => ['submissions', challengeId] as const,
  submission: (id: string) => ['submission', id] as const,
  mySubmissions: (query: MySubmissionsQuery) => ['mySubmissions', query] as const,
  solution: (challengeId: string, language: string) => ['solution', challengeId, language] as const,
  /** The prefix of every language's solution key: invalidating it rechecks the lock after a pass or a give-up. */
  solutions: (challengeId: string) => ['solution', challengeId] as const,
  leaderboard: (period: string, stack: string | undefined, page: number) => ['leaderboard', period, stack, page] as const,
  /** Every viewer's copy of a profile starts with this prefix, so an edit can refresh them all. */
  portfolios: ['portfolio'] as const,
  portfolio: (username: string, share: string | undefined) => ['portfolio', username, share ?? null] as const,
  myProjects: ['myProjects'] as const,
  project: (id: string) => ['project', id] as const,
  plans: ['plans'] as const,
  /** Keyed by user, so a sign-in as someone else never shows the previous learner's plan. */
  myBilling: (userId: string) => ['myBilling', userId] as const,
  jobs: (query: JobsQuery) => ['jobs', query] as const,
  job: (id: string) => ['job', id] as const,
  company: (id: string) => ['company', id] as const,
  jobsForMe: ['jobsForMe'] as const,
  myApplications: ['myApplications'] as const,
  discoverable: ['discoverable'] as const,
  companyAccess: ['companyAccess'] as const,
  /** Keyed by user like billing: the bell never shows another account's count. */
  notifications: (userId: string) => ['notifications', userId] as const,
  myAssessments: ['myAssessments'] as const,
  myContactRequests: ['myContactRequests'] as const,
  myCompany: ['myCompany'] as const,
  myJobs: ['myJobs'] as const,
  jobApplications: (jobId: string) => ['jobApplications', jobId] as const,
  jobCandidates: (jobId: string) => ['jobCandidates', jobId] as const,
  companyAssessments: ['companyAssessments'] as const,
  companyContactRequests: ['companyContactRequests'] as const,
};
