import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { endpoints, queryKeys } from '../../api/endpoints';
import { formatNumber } from '../../lib/format';

/** XP, level and the bar to the next level; falls back to the profile's XP while /v1/me/progress is not served. */
export function ProgressSummary({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const progress = useQuery({ queryKey: queryKeys.progress, queryFn: endpoints.progress });
  const me = useQuery({ queryKey: queryKeys.me, queryFn: endpoints.me, enabled: progress.isError });
  if (progress.data) {
    const p = progress.data;
    const ratio = Math.max(0, Math.min(1, p.progressToNext));
    return (
      <div data-testid="progress-summary" data-xp={p.xp} className={compact ? 'text-sm' : ''}>
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <span className="font-semibold">
            {t('progress.levelName', { level: p.level, name: t(`level.${p.levelName}`, { defaultValue: p.levelName }) })}
          </span>
          <span data-testid="xp-total">{t('progress.xpTotal', { xp: formatNumber(p.xp) })}</span>
        </div>
        <div
          role="progressbar"
          aria-label={t('progress.toNext')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(ratio * 100)}
          className="mt-2 h-2.5 overflow-hidden rounded-full bg-subtle"
        >
          <div className="h-full rounded-full bg-brand transition-[width] duration-700" style={{ width: `${ratio * 100}%` }} />
        </div>
        <p className="mt-1 text-xs text-muted">
          {p.nextLevelXp != null
            ? t('progress.toNextXp', { xp: formatNumber(Math.max(0, p.nextLevelXp - p.xp)) })
            : t('progress.maxLevel')}
        </p>
      </div>
    );
  }
  if (me.data) {
    return (
      <div data-testid="progress-summary" data-xp={me.data.xp}>
        <span className="font-semibold">{t('progress.level', { level: me.data.level })}</span> ·{' '}
        <span data-testid="xp-total">{t('progress.xpTotal', { xp: formatNumber(me.data.xp) })}</span>
      </div>
    );
  }
  return null;
}
