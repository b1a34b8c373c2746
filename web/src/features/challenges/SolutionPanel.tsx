import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endpoints, queryKeys } from '../../api/endpoints';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorState, Loading } from '../../components/States';
import { isSolutionLocked, SolutionFiles, solutionLoading, useSolution } from './ReferenceSolution';

/**
 * The challenge's "Solução" tab for a signed-in learner. It asks the server straight away: after a pass or an
 * earlier give-up (on any device) the solution shows; while it is locked, the learner may give up, after
 * a confirmation that says what it costs (no more XP from this challenge).
 */
export function SolutionPanel({ challengeId, language }: { challengeId: string; language: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const solution = useSolution(challengeId, language);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusSolution = useRef(false);
  const titleId = useId();
  const warningId = useId();

  const giveUp = useMutation({
    mutationFn: () => endpoints.giveUp(challengeId),
    onSuccess: async () => {
      setConfirming(false);
      focusSolution.current = true;
      await queryClient.invalidateQueries({ queryKey: queryKeys.solutions(challengeId) });
    },
  });

  // After giving up, the trigger button is gone: focus moves to the solution that replaced it.
  useEffect(() => {
    if (solution.isSuccess && focusSolution.current) {
      focusSolution.current = false;
      headingRef.current?.focus();
    }
  }, [solution.isSuccess]);

  if (solutionLoading(solution)) return <Loading />;

  if (solution.isSuccess) {
    return (
      <section aria-labelledby={titleId} className="space-y-3" data-testid="reference-solution" data-reason={solution.data.reason}>
        <h2 id={titleId} ref={headingRef} tabIndex={-1} className="font-semibold outline-none">
          {t('solution.title')}
        </h2>
        <p className="rounded-lg bg-subtle p-3 text-sm">
          {solution.data.reason === 'given_up' ? t('solution.givenUp') : t('solution.passed')}
        </p>
        <SolutionFiles files={solution.data.files} />
      </section>
    );
  }

  if (!isSolutionLocked(solution.error)) {
    return <ErrorState error={solution.error} onRetry={() => void solution.refetch()} />;
  }

  return (
    <section aria-labelledby={titleId} className="space-y-3" data-testid="solution-locked">
      <h2 id={titleId} className="font-semibold">
        {t('solution.lockedTitle')}
      </h2>
      <p className="text-sm">{t('solution.lockedBody')}</p>
      <p id={warningId} className="rounded-lg border border-warning/40 bg-warning/10 p-3 text-sm">
        <span aria-hidden="true">⚠ </span>
        {t('solution.xpWarning')}
      </p>
      <button
        type="button"
        className="btn-secondary"
        aria-describedby={warningId}
        aria-haspopup="dialog"
        onClick={() => {
          giveUp.reset();
          setConfirming(true);
        }}
      >
        {t('solution.giveUp')}
      </button>
      {confirming && (
        <ConfirmDialog
          title={t('solution.confirmTitle')}
          confirmLabel={giveUp.isPending ? t('solution.givingUp') : t('solution.confirm')}
          cancelLabel={t('solution.cancel')}
          busy={giveUp.isPending}
          onConfirm={() => giveUp.mutate()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('solution.confirmBody')}</p>
          {giveUp.isError && <ErrorState error={giveUp.error} />}
        </ConfirmDialog>
      )}
    </section>
  );
}
