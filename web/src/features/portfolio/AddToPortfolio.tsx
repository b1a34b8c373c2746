import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import { isApiError } from '../../api/problem';

/** "Adicionar ao portfólio" on a passed submission: the server turns it into a verified project (once; again returns it). */
export function AddToPortfolio({ submissionId }: { submissionId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [showCode, setShowCode] = useState(false);
  const add = useMutation({
    mutationFn: () => endpoints.projectFromSubmission(submissionId, showCode),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.myProjects });
      void queryClient.invalidateQueries({ queryKey: queryKeys.portfolios });
    },
  });
  return (
    <section aria-labelledby="add-portfolio-title" className="card space-y-3 p-4" data-testid="add-to-portfolio">
      <h2 id="add-portfolio-title" className="font-semibold">
        {t('projects.fromSubmission.title')}
      </h2>
      <p className="text-sm text-muted">{t('projects.fromSubmission.body')}</p>
      {add.data ? (
        <p role="status" className="text-sm">
          {t('projects.fromSubmission.done')}{' '}
          <Link className="link" to={`/portfolio/projects/${add.data.id}`}>
            {t('projects.fromSubmission.open', { title: add.data.title })}
          </Link>
        </p>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={showCode} onChange={(e) => setShowCode(e.target.checked)} />
            {t('projects.fromSubmission.showCode')}
          </label>
          <button type="button" className="btn-primary" disabled={add.isPending} onClick={() => add.mutate()}>
            {t('projects.fromSubmission.button')}
          </button>
          {add.isError && (
            <p role="alert" className="text-sm text-danger">
              {isApiError(add.error) && add.error.problem?.detail ? add.error.problem.detail : t('state.errorBody')}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
