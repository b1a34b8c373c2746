import { describe, expect, it } from 'vitest';
import { initialSolveState, solveReducer, type SolveState } from './solveState';
import type { SolveMessage } from '../../api/solve-messages';

/** Fixtures spell out only the fields the reducer reads; the full shapes are the generated ones. */
type Fixture = { type: SolveMessage['type'] } & Record<string, unknown>;
const message = (fixture: Fixture) => fixture as unknown as SolveMessage;

const feed = (messages: Fixture[]): SolveState =>
  messages.reduce(
    (state, fixture) => solveReducer(state, { type: 'message', message: message(fixture) }),
    solveReducer(initialSolveState, { type: 'start' }),
  );

describe('solveReducer', () => {
  it('builds the timeline, the per-test results and the final outcome', () => {
    const state = feed([
      { type: 'loop_start', sequence: 1, submission_id: 's', loop: 'solve', message: 'Rodando os testes' },
      { type: 'agent_start', sequence: 2, submission_id: 's', agent: 'check', status: 'running' },
      {
        type: 'check_result',
        sequence: 3,
        submission_id: 's',
        data: { name: 'caso 1', status: 'pass', expected: '1', actual: '1' },
        progress: { done: 1, total: 2 },
      },
      {
        type: 'check_result',
        sequence: 4,
        submission_id: 's',
        data: { name: 'oculto', status: 'fail', hidden: true },
        progress: { done: 2, total: 2 },
      },
    ]);
    expect(state.phase).toBe('running');
    expect(state.timeline.map((e) => e.kind)).toEqual(['loop', 'agent', 'check', 'check']);
    expect(state.timeline[1]!.detail).toBe('running');
    expect(state.checks.map((c) => c.status)).toEqual(['pass', 'fail']);
    expect(state.progress).toEqual({ done: 2, total: 2 });

    const done = solveReducer(state, {
      type: 'message',
      message: message({
        type: 'complete',
        sequence: 5,
        submission_id: 's',
        submission: {
          id: 's',
          status: 'partial',
          score: 50,
          xpGained: 25,
          attemptNumber: 1,
          executionTimeMs: 30,
          testResults: {
            status: 'partial',
            passed: 1,
            total: 2,
            score: 50,
            tests: [
              { name: 'caso 1', status: 'pass' },
              { name: 'oculto', status: 'fail', hidden: true },
            ],
          },
        },
        feedback: { mode: 'offline', summary: 'Quase lá', issues: [], strengths: [], learning_points: [], next_challenges: [] },
      }),
    });
    expect(done.phase).toBe('done');
    expect(done.result?.submission.xpGained).toBe(25);
    expect(done.checks).toHaveLength(2);
  });

  it('keeps a finished result when the socket closes afterwards', () => {
    const done = feed([
      {
        type: 'complete',
        sequence: 1,
        submission_id: 's',
        submission: { id: 's', status: 'passed', score: 100, xpGained: 0, attemptNumber: 2, executionTimeMs: 1, testResults: null },
        feedback: null,
      },
    ]);
    expect(solveReducer(done, { type: 'failed', failure: 'lost' }).phase).toBe('done');
  });

  it('summarises what a finding counted', () => {
    const state = feed([
      { type: 'finding', sequence: 1, submission_id: 's', agent: 'investigate', data: { issues: [{}, {}], has_errors: true } },
      { type: 'finding', sequence: 2, submission_id: 's', agent: 'check', data: { total: 6, passed: 2, failed: 4 } },
    ]);
    expect(state.timeline.map((e) => e.facts)).toEqual([{ issues: 2 }, { passed: 2, total: 6 }]);
  });

  it('shows a protocol error from the server', () => {
    const state = feed([{ type: 'error', message: 'challenge_id inválido' }]);
    expect(state.phase).toBe('failed');
    expect(state.failure).toBe('protocol');
    expect(state.message).toBe('challenge_id inválido');
  });
});
