import type { CompleteMessage, SolveMessage } from '../../api/solve-messages';
import type { TestCaseResult } from '../../api/types';

export type SolvePhase = 'idle' | 'connecting' | 'running' | 'done' | 'failed';
export type SolveFailure = 'unavailable' | 'unauthorized' | 'lost' | 'protocol' | 'rejected';

export interface TimelineEntry {
  sequence: number;
  kind: 'loop' | 'agent' | 'finding' | 'check' | 'complete';
  /** Agent or loop name, or the test's name for checks. */
  name: string;
  detail?: string;
  status?: string;
  /** What a finding counted: issues spotted, or tests passed out of a total. */
  facts?: { issues?: number; passed?: number; total?: number };
}

export interface SolveState {
  phase: SolvePhase;
  submissionId: string | null;
  timeline: TimelineEntry[];
  checks: TestCaseResult[];
  progress: { done: number; total: number } | null;
  result: CompleteMessage | null;
  failure: SolveFailure | null;
  message: string | null;
  reconnecting: boolean;
}

export const initialSolveState: SolveState = {
  phase: 'idle',
  submissionId: null,
  timeline: [],
  checks: [],
  progress: null,
  result: null,
  failure: null,
  message: null,
  reconnecting: false,
};

export type SolveAction =
  | { type: 'start' }
  | { type: 'message'; message: SolveMessage }
  | { type: 'reconnecting'; value: boolean }
  | { type: 'failed'; failure: SolveFailure; message?: string }
  | { type: 'reset' };

function facts(data: unknown): TimelineEntry['facts'] {
  if (!data || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  if (typeof record.passed === 'number' && typeof record.total === 'number') {
    return { passed: record.passed, total: record.total };
  }
  if (Array.isArray(record.issues)) return { issues: record.issues.length };
  return undefined;
}

function describe(data: unknown): string | undefined {
  if (data == null) return undefined;
  if (typeof data === 'string') return data;
  if (typeof data === 'object') {
    const record = data as Record<string, unknown>;
    for (const key of ['message', 'summary', 'title', 'description']) {
      if (typeof record[key] === 'string') return record[key] as string;
    }
  }
  return undefined;
}

/** Folds the `/v1/solve` stream into what the page shows. Pure, so it is unit tested without a socket. */
export function solveReducer(state: SolveState, action: SolveAction): SolveState {
  switch (action.type) {
    case 'reset':
      return initialSolveState;
    case 'start':
      return { ...initialSolveState, phase: 'connecting' };
    case 'reconnecting':
      return { ...state, reconnecting: action.value };
    case 'failed':
      if (state.phase === 'done') return state;
      return { ...state, phase: 'failed', failure: action.failure, message: action.message ?? null, reconnecting: false };
    case 'message': {
      const message = action.message;
      if (message.type === 'error') {
        const details = Object.values(message.errors ?? {}).flat();
        const text = [message.message, ...details].join(' ');
        return { ...state, phase: 'failed', failure: 'protocol', message: text, reconnecting: false };
      }
      if (message.type === 'accepted') {
        return { ...state, phase: 'running', submissionId: message.submission_id };
      }
      const base: SolveState = {
        ...state,
        phase: message.type === 'complete' ? 'done' : 'running',
        submissionId: message.submission_id ?? state.submissionId,
        reconnecting: false,
      };
      switch (message.type) {
        case 'loop_start':
          return {
            ...base,
            timeline: [...state.timeline, { sequence: message.sequence, kind: 'loop', name: message.loop, detail: message.message }],
          };
        case 'agent_start':
          return {
            ...base,
            timeline: [
              ...state.timeline,
              { sequence: message.sequence, kind: 'agent', name: message.agent, detail: message.status },
            ],
          };
        case 'finding':
          return {
            ...base,
            timeline: [
              ...state.timeline,
              {
                sequence: message.sequence,
                kind: 'finding',
                name: message.agent,
                detail: describe(message.data),
                facts: facts(message.data),
              },
            ],
          };
        case 'check_result':
          return {
            ...base,
            checks: [...state.checks, message.data],
            progress: message.progress,
            timeline: [
              ...state.timeline,
              { sequence: message.sequence, kind: 'check', name: message.data.name, status: message.data.status },
            ],
          };
        case 'complete': {
          const tests = message.submission.testResults?.tests;
          return {
            ...base,
            result: message,
            checks: tests && tests.length > 0 ? tests : state.checks,
            progress: message.submission.testResults
              ? { done: message.submission.testResults.total, total: message.submission.testResults.total }
              : state.progress,
            timeline: [
              ...state.timeline,
              { sequence: message.sequence, kind: 'complete', name: 'complete', status: message.submission.status },
            ],
          };
        }
        default:
          return base;
      }
    }
  }
}
