import { useTranslation } from 'react-i18next';

/**
 * Marks a featured job application (`featured`: the candidate held Pro+ when applying). The same pill for the company
 * and the candidate; what it does is said in words next to the list, not only in this badge.
 */
export function FeaturedBadge() {
  const { t } = useTranslation();
  return (
    <span
      data-testid="featured-badge"
      className="inline-flex items-center rounded-full border border-brand bg-brand px-2 py-0.5 text-xs font-semibold text-on-brand"
    >
      {t('jobs.featured.badge')}
    </span>
  );
}
