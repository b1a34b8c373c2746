import type { components } from './schema';

type Schemas = components['schemas'];

export type AuthResponse = Schemas['AuthResponse'];
export type UserProfile = Schemas['UserProfile'];
export type PublicProfile = Schemas['PublicProfile'];
export type UpdateProfileRequest = Schemas['UpdateProfileRequest'];
export type ChallengeSummary = Schemas['ChallengeSummary'];
export type ChallengeDetail = Schemas['ChallengeDetail'];
export type ChallengePage = Schemas['ChallengePage'];
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
/** `GET /v1/billing`: the plan in force now, its renewal or expiry, and the learner's subscriptions and payments. */
export type MyBilling = Schemas['MyBilling'];
export type BillingSubscription = Schemas['BillingSubscriptionView'];
export type BillingPayment = Schemas['BillingPaymentView'];
export type BillingInterval = 'month' | 'year';
/** `POST /v1/billing/checkout`: a card subscription, or a pro pass of `passMonths` months (Pix or boleto). */
export type CheckoutBody = { plan: string; interval: BillingInterval } | { passMonths: number };
export type RedirectUrl = Schemas['RedirectUrl'];
