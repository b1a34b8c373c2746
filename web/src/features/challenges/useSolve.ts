import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { SolveSocket } from '../../api/solve-socket';
import type { SolveRequest } from '../../api/solve-messages';
import { queryKeys } from '../../api/endpoints';
import { initialSolveState, solveReducer } from './solveState';

/** Submits through `/v1/solve` and follows the stream; refreshes progress and history when it completes. */
export function useSolve(challengeId: string | undefined) {
  const [state, dispatch] = useReducer(solveReducer, initialSolveState);
  const socketRef = useRef<SolveSocket | null>(null);
  const queryClient = useQueryClient();

  useEffect(() => () => socketRef.current?.close(), []);

  const follow = useCallback(
    (request: SolveRequest) => {
      socketRef.current?.close();
      dispatch({ type: 'start' });
      const socket = new SolveSocket({
        onMessage: (message) => {
          dispatch({ type: 'message', message });
          if (message.type === 'complete') {
            void queryClient.invalidateQueries({ queryKey: queryKeys.progress });
            void queryClient.invalidateQueries({ queryKey: queryKeys.me });
            void queryClient.invalidateQueries({ queryKey: ['leaderboard'] });
            void queryClient.invalidateQueries({ queryKey: ['mySubmissions'] });
            if (challengeId) {
              void queryClient.invalidateQueries({ queryKey: queryKeys.submissions(challengeId) });
              // A pass unlocks the reference solution: a "still locked" answer in the cache is out of date.
              void queryClient.invalidateQueries({ queryKey: queryKeys.solutions(challengeId) });
            }
          }
        },
        onStateChange: (socketState) => dispatch({ type: 'reconnecting', value: socketState === 'reconnecting' }),
        onFailure: (failure) => dispatch({ type: 'failed', failure }),
      });
      socketRef.current = socket;
      socket.start(request);
    },
    [challengeId, queryClient],
  );

  const submit = useCallback(
    (language: string, code: string) => {
      if (challengeId) follow({ challenge_id: challengeId, language, code });
    },
    [challengeId, follow],
  );

  const reset = useCallback(() => {
    socketRef.current?.close();
    dispatch({ type: 'reset' });
  }, []);

  return { state, submit, follow, reset };
}
