import type { components } from './schema';

/**
 * The host's JSON serializer accepts numbers written as strings, so OpenAPI types every number as
 * `number | string`. Responses always carry real numbers: strip the string side where a number is possible.
 */
export type Clean<T> = number extends T
  ? Exclude<T, string>
  : T extends readonly (infer U)[]
    ? Clean<U>[]
    : T extends object
      ? { [K in keyof T]: Clean<T[K]> }
      : T;

type Schemas = components['schemas'];

export type AuthResponse = Clean<Schemas['AuthResponse']>;
export type UserProfile = Clean<Schemas['UserProfile']>;
export type PublicProfile = Clean<Schemas['PublicProfile']>;
export type UpdateProfileRequest = Clean<Schemas['UpdateProfileRequest']>;
export type ChallengeSummary = Clean<Schemas['ChallengeSummary']>;
export type ChallengeDetail = Clean<Schemas['ChallengeDetail']>;
export type ChallengePage = Clean<Schemas['ChallengePage']>;
export type ChallengeExample = ChallengeDetail['examples'][number];
export type ExecuteResponse = Clean<Schemas['ExecuteResponse']>;
export type LanguageInfo = Clean<Schemas['LanguageResponse']>;

export const STACKS = ['frontend', 'backend', 'mobile', 'devops', 'iot', 'data'] as const;
export const LEVELS = ['beginner', 'junior', 'mid', 'senior', 'expert'] as const;
export const SORTS = ['newest', 'oldest', 'difficulty', '-difficulty', 'popular', 'title', 'xp'] as const;

export type TestStatus = 'pass' | 'fail' | 'error';

/** One judged case, as stored in a submission and streamed in `check_result`. */
export interface TestCaseResult {
  name: string;
  status: TestStatus;
  message?: string | null;
  /** JSON text of the expected value, or the expected stdout. */
  expected?: string | null;
  /** JSON text of what the code returned, or what it printed; null when nothing came back. */
  actual?: string | null;
  output?: string | null;
  durationMs?: number | null;
  hidden?: boolean;
}

export interface TestResults {
  status: string;
  passed: number;
  total: number;
  score: number;
  compileOutput?: string | null;
  message?: string | null;
  tests: TestCaseResult[];
}

export interface FeedbackIssue {
  type: string;
  severity: string;
  title: string;
  location?: { file?: string | null; line?: number | null } | null;
  description: string;
  suggestion?: string | null;
}

export interface NextChallenge {
  slug: string;
  title: string;
}

export interface Feedback {
  mode: string;
  summary: string;
  issues: FeedbackIssue[];
  strengths: string[];
  overall_score?: number | null;
  learning_points: string[];
  next_challenges: NextChallenge[];
}

export type SubmissionStatus = 'pending' | 'passed' | 'failed' | 'partial';

/** The statuses `GET /v1/me/submissions?status=` accepts, in the order the filter offers them. */
export const SUBMISSION_STATUSES = ['passed', 'failed', 'partial', 'pending'] as const satisfies readonly SubmissionStatus[];

/** `GET /v1/challenges/{id}/submissions` items. */
export type SubmissionSummary = Clean<Schemas['SubmissionSummary']>;

/** `GET /v1/me/submissions` items: one row of the learner's history, with the challenge it answers. */
export type MySubmission = Omit<Clean<Schemas['MySubmission']>, 'status'> & { status: SubmissionStatus };
/** `GET /v1/me/submissions`: newest first, paged. */
export type MySubmissionPage = Omit<Clean<Schemas['MySubmissionPage']>, 'items'> & { items: MySubmission[] };

/** `GET /v1/submissions/{id}`: OpenAPI types the stored JSON columns loosely, so they get their real shapes here. */
export type SubmissionDetail = Omit<Clean<Schemas['SubmissionView']>, 'testResults' | 'aiFeedback' | 'code'> & {
  code: string | null;
  testResults: TestResults | null;
  aiFeedback: Feedback | null;
};

export type SubmitResponse = Clean<Schemas['SubmitAccepted']>;
/** `POST /v1/challenges/{id}/give-up`. */
export type GiveUpResponse = Clean<Schemas['GiveUpResponse']>;
/** `GET /v1/challenges/{id}/solution`; `reason` is `passed` or `given_up`. */
export type SolutionResponse = Clean<Schemas['SolutionResponse']>;
export type Badge = Clean<Schemas['BadgeProgress']>;
export type ActivityDay = Clean<Schemas['ActivityDay']>;
/** `GET /v1/me/progress`. */
export type Progress = Clean<Schemas['ProgressResponse']>;

export type LeaderboardPeriod = 'weekly' | 'monthly' | 'all_time';

export type LeaderboardEntry = Clean<Schemas['LeaderboardEntry']>;
export type LeaderboardPage = Clean<Schemas['LeaderboardPage']>;
