import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorState, Loading } from '../../components/States';

type Solution = components['schemas']['SolutionResponse'];

/** The reference solution, which the server releases once the learner passed (or gave up). */
export function ReferenceSolution({ challengeId, language }: { challengeId: string; language: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const solution = useQuery({
    queryKey: ['solution', challengeId, language],
    queryFn: () => api<Solution>(`/v1/challenges/${challengeId}/solution`, { query: { language } }),
    enabled: open,
    staleTime: Infinity,
  });
  if (!open) {
    return (
      <button type="button" className="btn-secondary" onClick={() => setOpen(true)}>
        {t('solution.show')}
      </button>
    );
  }
  return (
    <section aria-labelledby="solution-title" className="space-y-2" data-testid="reference-solution">
      <h3 id="solution-title" className="font-semibold">
        {t('solution.title')}
      </h3>
      {solution.isPending ? (
        <Loading />
      ) : solution.isError ? (
        <ErrorState error={solution.error} />
      ) : (
        solution.data.files.map((file) => (
          <div key={file.path}>
            <p className="font-mono text-xs text-muted">{file.path}</p>
            <pre className="mt-1 max-h-80 overflow-auto rounded-lg bg-subtle p-3 font-mono text-xs">
              <code>{file.content}</code>
            </pre>
          </div>
        ))
      )}
    </section>
  );
}
