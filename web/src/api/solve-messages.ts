import type { Feedback, NextChallenge, TestCaseResult, TestResults } from './types';

/** Messages of the `/v1/solve` WebSocket (issue 5 / Smart Solver contract). Written by hand: OpenAPI has no WebSocket. */
export type SolveRequest =
  | { challenge_id: string; language: string; code: string }
  | { submission_id: string; after_sequence?: number };

interface Envelope<T extends string> {
  type: T;
  sequence: number;
  submission_id: string;
}

export type AgentName = 'investigate' | 'note' | 'manager' | 'solve' | 'check' | 'response' | 'precision_answer';

export interface LoopStartMessage extends Envelope<'loop_start'> {
  loop: 'analysis' | 'solve' | string;
  message?: string;
}

export interface AgentStartMessage extends Envelope<'agent_start'> {
  agent: AgentName | string;
  status?: string;
}

export interface FindingMessage extends Envelope<'finding'> {
  agent: AgentName | string;
  data: unknown;
}

export interface CheckResultMessage extends Envelope<'check_result'> {
  data: TestCaseResult;
  progress: { done: number; total: number };
}

export interface CompletedSubmission {
  id: string;
  status: 'passed' | 'failed' | 'partial' | string;
  score: number;
  xpGained: number;
  attemptNumber: number;
  executionTimeMs: number | null;
  /** pt-BR, set when the submission could not be judged (the learner sees an honest error). */
  error?: string | null;
  testResults: TestResults | null;
}

export interface CompleteMessage extends Envelope<'complete'> {
  submission: CompletedSubmission;
  feedback: Feedback | null;
  learning_points?: string[];
  next_challenges?: NextChallenge[];
}

/** Sent once, without a sequence, when a submit-and-follow request has been stored. */
export interface AcceptedMessage {
  type: 'accepted';
  submission_id: string;
  attempt_number: number;
}

export interface ErrorMessage {
  type: 'error';
  message: string;
  /** Field errors when the submission itself was invalid (language, code). */
  errors?: Record<string, string[]> | null;
  sequence?: number;
  submission_id?: string;
}

export type SolveMessage =
  | AcceptedMessage
  | LoopStartMessage
  | AgentStartMessage
  | FindingMessage
  | CheckResultMessage
  | CompleteMessage
  | ErrorMessage;
