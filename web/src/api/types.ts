import type { components } from './schema';

type Schemas = components['schemas'];

export type AuthResponse = Schemas['AuthResponse'];
export type UserProfile = Schemas['UserProfile'];
export type PublicProfile = Schemas['PublicProfile'];
export type UpdateProfileRequest = Schemas['UpdateProfileRequest'];
export type ChallengeSummary = Schemas['ChallengeSummary'];
export type ChallengeDetail = Schemas['ChallengeDetail'];
export type ChallengePage = Schemas['ChallengeSummaryPage'];
export type ChallengeExample = ChallengeDetail['examples'][number];
export type ExecuteResponse = Schemas['ExecuteResponse'];
export type LanguageInfo = Schemas['LanguageResponse'];

export const STACKS = ['frontend', 'backend', 'mobile', 'devops', 'iot', 'data'] as const;
export const LEVELS = ['beginner', 'junior', 'mid', 'senior', 'expert'] as const;
export const SORTS = ['newest', 'oldest', 'difficulty', '-difficulty', 'popular', 'title', 'xp'] as const;

export type TestStatus = Schemas['TestStatus'];

/** One judged case, as stored in a submission and streamed in `check_result`. */
export type TestCaseResult = Schemas['TestResult'];
export type TestResults = Schemas['TestRunResult'];
export type FeedbackIssue = Schemas['FeedbackIssue'];
export type NextChallenge = Schemas['NextChallenge'];
export type Feedback = Schemas['Feedback'];

export type SubmissionStatus = 'pending' | 'passed' | 'failed' | 'partial';

/** The statuses `GET /v1/me/submissions?status=` accepts, in the order the filter offers them. */
export const SUBMISSION_STATUSES = ['passed', 'failed', 'partial', 'pending'] as const satisfies readonly SubmissionStatus[];

/** `GET /v1/challenges/{id}/submissions` items. */
export type SubmissionSummary = Schemas['SubmissionSummary'];

/** `GET /v1/me/submissions` items: one row of the learner's history, with the challenge it answers. */
export type MySubmission = Omit<Schemas['MySubmission'], 'status'> & { status: SubmissionStatus };
/** `GET /v1/me/submissions`: newest first, paged. */
export type MySubmissionPage = Omit<Schemas['MySubmissionPage'], 'items'> & { items: MySubmission[] };

/** `GET /v1/submissions/{id}`. */
export type SubmissionDetail = Schemas['SubmissionView'];

export type SubmitResponse = Schemas['SubmitAccepted'];
/** `POST /v1/challenges/{id}/give-up`. */
export type GiveUpResponse = Schemas['GiveUpResponse'];
/** `GET /v1/challenges/{id}/solution`; `reason` is `passed` or `given_up`. */
export type SolutionResponse = Schemas['SolutionResponse'];
export type Badge = Schemas['BadgeProgress'];
export type ActivityDay = Schemas['ActivityDay'];
/** `GET /v1/me/progress`. */
export type Progress = Schemas['ProgressResponse'];

export type LeaderboardPeriod = 'weekly' | 'monthly' | 'all_time';

export type LeaderboardEntry = Schemas['LeaderboardEntry'];
export type LeaderboardPage = Schemas['LeaderboardPage'];

/** `PUT /v1/me/profile`: the whole editable profile, with who may see it and which sections are shown. */
export type ReplaceProfileRequest = Schemas['ReplaceProfileRequest'];
export type ProfileSections = Schemas['ProfileSections'];
export const VISIBILITIES = ['public', 'link', 'private'] as const;
export type ProfileVisibility = (typeof VISIBILITIES)[number];
/** `POST /v1/me/profile/share-link`: the token is shown only in this answer. */
export type ShareLink = Schemas['ShareLink'];

/** `GET /v1/portfolio/{username}`. */
export type PortfolioView = Schemas['PortfolioView'];
export type PortfolioSkill = Schemas['PortfolioSkill'];
export type PortfolioEvidence = Schemas['PortfolioEvidence'];
export type PortfolioBadge = Schemas['PortfolioBadge'];
export type Heatmap = Schemas['Heatmap'];
export type ProfileProject = Schemas['ProfileProject'];
export type ProjectVerification = Schemas['ProjectVerification'];

/** The owner's view of a project (`/v1/portfolio/projects`). */
export type Project = Schemas['ProjectResource'];
export type ProjectRequest = Schemas['ProjectRequest'];

/** `GET /v1/billing/plans` (public): the plans with BRL prices in cents, the one-time pro passes, and whether payments are on. */
export type PlanCatalog = Schemas['PlanCatalogResponse'];
export type PlanInfo = Schemas['PlanInfo'];
export type PassInfo = Schemas['PassInfo'];
/** What a plan unlocks: its daily AI tokens and each server-enforced feature (`id` stable, `description` in pt-BR). */
export type PlanUnlocks = Schemas['PlanUnlocks'];
export type PlanFeature = Schemas['PlanFeature'];
/** `GET /v1/billing`: the plan in force now, its renewal or expiry, and the learner's subscriptions and payments. */
export type MyBilling = Schemas['MyBilling'];
export type BillingSubscription = Schemas['BillingSubscriptionView'];
export type BillingPayment = Schemas['BillingPaymentView'];
export type BillingInterval = 'month' | 'year';
/** `POST /v1/billing/checkout`: a card subscription, or a pro pass of `passMonths` months (Pix or boleto). */
export type CheckoutBody = { plan: string; interval: BillingInterval } | { passMonths: number };
export type RedirectUrl = Schemas['RedirectUrl'];

/** Jobs: the public search, a job's page, the company's postings. Labels are the API's lower-case enum names. */
export type Job = Schemas['JobResource'];
export type JobPage = Schemas['JobResourcePage'];
export type JobRequest = Schemas['JobRequest'];
export type JobForMe = Schemas['JobForMe'];
export type MyApplication = Schemas['MyApplication'];
export type Applicant = Schemas['Applicant'];
export type SnapshotSkill = Schemas['SnapshotSkill'];
export type RankedCandidate = Schemas['RankedCandidate'];
export type Company = Schemas['CompanyResource'];
export type CompanyRequest = Schemas['CompanyRequest'];
export type CompanyAccess = Schemas['CompanyAccess'];
export type Discoverable = Schemas['DiscoverableResource'];
export type Assessment = Schemas['AssessmentResource'];
export type AssessmentRequest = Schemas['AssessmentRequest'];
export type NotificationItem = Schemas['NotificationResource'];
export type NotificationList = Schemas['NotificationList'];

export const JOB_TYPES = ['clt', 'pj', 'freelance', 'internship'] as const;
export const WORK_MODELS = ['remote', 'hybrid', 'onsite'] as const;
export const JOB_SORTS = ['relevance', 'recent'] as const;
/** Where an application can be; a company moves it among the middle four, the candidate withdraws it. */
export const APPLICATION_STATUSES = ['received', 'reviewing', 'interview', 'offer', 'rejected', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const COMPANY_MOVES = ['reviewing', 'interview', 'offer', 'rejected'] as const satisfies readonly ApplicationStatus[];

/** Contact requests: a company asks an opted-in candidate, who accepts (sharing their email with it) or declines. */
export type ContactRequestStatus = 'pending' | 'accepted' | 'declined';
/** `GET /v1/companies/me/contact-requests` items: the candidate's email only once they accepted. */
export type SentContactRequest = Schemas['SentContactRequest'];
/** `GET /v1/me/contact-requests` items. */
export type ReceivedContactRequest = Schemas['ReceivedContactRequest'];
export type ContactRequestBody = Schemas['ContactRequestBody'];
