import { useId, useState } from 'react';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endpoints, queryKeys } from '../../api/endpoints';
import { isApiError } from '../../api/problem';
import type { SolutionResponse } from '../../api/types';
import { ErrorState, Loading } from '../../components/States';

/** The server answers 403 until the learner passed the challenge or gave up on it. */
export function isSolutionLocked(error: unknown): boolean {
  return isApiError(error) && error.status === 403;
}

export function useSolution(challengeId: string, language: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.solution(challengeId, language),
    queryFn: ({ signal }) => endpoints.solution(challengeId, language, signal),
    enabled,
    staleTime: Infinity,
  });
}

/** True while the query has nothing current to show: first load, or asking again after an error (a lock may have lifted). */
export function solutionLoading(solution: UseQueryResult<SolutionResponse>): boolean {
  return solution.isPending || (solution.isError && solution.isFetching);
}

/** The reference solution behind a button: the server releases it once the learner passed (or gave up). */
export function ReferenceSolution({ challengeId, language }: { challengeId: string; language: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const titleId = useId();
  const solution = useSolution(challengeId, language, open);
  if (!open) {
    return (
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
        {t('solution.show')}
      </button>
    );
  }
  return (
    <section aria-labelledby={titleId} className="space-y-2" data-testid="reference-solution">
      <h3 id={titleId} className="font-semibold">
        {t('solution.title')}
      </h3>
      {solution.isSuccess ? (
        <SolutionFiles files={solution.data.files} />
      ) : solutionLoading(solution) ? (
        <Loading />
      ) : isSolutionLocked(solution.error) ? (
        <p className="rounded-lg bg-subtle p-3 text-sm" data-testid="solution-locked">
          {t('solution.locked')}
        </p>
      ) : (
        <ErrorState error={solution.error} onRetry={() => void solution.refetch()} />
      )}
    </section>
  );
}

export function SolutionFiles({ files }: { files: SolutionResponse['files'] }) {
  return (
    <>
      {files.map((file) => (
        <div key={file.path}>
          <p className="font-mono text-xs text-muted">{file.path}</p>
          <pre className="mt-1 max-h-80 overflow-auto rounded-lg bg-subtle p-3 font-mono text-xs" tabIndex={0}>
            <code>{file.content}</code>
          </pre>
        </div>
      ))}
    </>
  );
}
