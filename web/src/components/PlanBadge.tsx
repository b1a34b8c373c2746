import { useTranslation } from 'react-i18next';

const STYLES: Record<string, string> = {
  free: 'border-line text-muted',
  pro: 'border-brand text-brand dark:border-violet-300 dark:text-violet-300',
  pro_plus: 'border-brand bg-brand text-on-brand',
};

/** The learner's plan as a small pill; unknown plans read as free, as the server treats them. */
export function PlanBadge({ plan, className = '' }: { plan: string; className?: string }) {
  const { t } = useTranslation();
  const known = plan in STYLES ? plan : 'free';
  const name = t(`billing.planName.${known}`);
  return (
    <span
      data-testid="plan-badge"
      data-plan={known}
      className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${STYLES[known]} ${className}`}
    >
      <span className="sr-only">{t('billing.badgeLabel', { plan: name })}</span>
      <span aria-hidden="true">{name}</span>
    </span>
  );
}
