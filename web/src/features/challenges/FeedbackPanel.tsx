import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Feedback, NextChallenge } from '../../api/types';

export function FeedbackPanel({
  feedback,
  learningPoints,
  nextChallenges,
  onShowLine,
}: {
  feedback: Feedback | null;
  learningPoints?: string[];
  nextChallenges?: NextChallenge[];
  onShowLine?: (line: number) => void;
}) {
  const { t } = useTranslation();
  const points = feedback?.learning_points?.length ? feedback.learning_points : (learningPoints ?? []);
  const next = feedback?.next_challenges?.length ? feedback.next_challenges : (nextChallenges ?? []);
  if (!feedback && points.length === 0 && next.length === 0) {
    return <p className="text-sm text-muted">{t('feedback.none')}</p>;
  }
  return (
    <section aria-labelledby="feedback-title" data-testid="feedback" className="space-y-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h3 id="feedback-title" className="text-base font-semibold">
          {t('feedback.title')}
        </h3>
        {feedback && (
          <span className="chip" title={t('feedback.modeHint')}>
            {feedback.mode === 'offline' ? t('feedback.offline') : t('feedback.model', { model: feedback.mode })}
          </span>
        )}
        {feedback?.overall_score != null && (
          <span className="chip">{t('feedback.score', { score: feedback.overall_score })}</span>
        )}
      </div>
      {feedback?.summary && <p>{feedback.summary}</p>}
      {feedback && feedback.issues.length > 0 && (
        <ul className="space-y-2" aria-label={t('feedback.issues')}>
          {feedback.issues.map((issue, index) => (
            <li key={index} className="rounded-lg border border-line p-3" data-testid="feedback-issue">
              <div className="flex flex-wrap items-center gap-2">
                <span className={`chip ${issue.severity === 'error' || issue.severity === 'high' ? 'text-danger' : ''}`}>
                  {t(`severity.${issue.severity}`, { defaultValue: issue.severity })}
                </span>
                <span className="font-medium">{issue.title}</span>
                {issue.location?.line != null && onShowLine && (
                  <button type="button" className="link ml-auto text-xs" onClick={() => onShowLine(issue.location!.line!)}>
                    {t('feedback.line', { line: issue.location.line })}
                  </button>
                )}
              </div>
              <p className="mt-1 text-muted">{issue.description}</p>
              {issue.suggestion && (
                <p className="mt-1">
                  <span className="font-medium">{t('feedback.suggestion')}:</span> {issue.suggestion}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {feedback && feedback.strengths.length > 0 && (
        <div>
          <h4 className="font-semibold">{t('feedback.strengths')}</h4>
          <ul className="mt-1 list-disc pl-5">
            {feedback.strengths.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      {points.length > 0 && (
        <div>
          <h4 className="font-semibold">{t('feedback.learning')}</h4>
          <ul className="mt-1 list-disc pl-5">
            {points.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      {next.length > 0 && (
        <div>
          <h4 className="font-semibold">{t('feedback.next')}</h4>
          <ul className="mt-1 flex flex-wrap gap-2">
            {next.map((c) => (
              <li key={c.slug}>
                <Link className="link" to={`/challenges/${c.slug}`}>
                  {c.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
