import { useTranslation } from 'react-i18next';
import type { PlanUnlocks } from '../../api/types';
import { formatNumber } from '../../lib/format';

/**
 * What a plan unlocks, exactly as the server lists it (`unlocks.features`, each one enforced by a server gate): known
 * ids are translated, an id this build does not know yet shows the server's pt-BR description.
 */
export function PlanFeatureList({ unlocks, className = '' }: { unlocks: PlanUnlocks; className?: string }) {
  const { t } = useTranslation();
  return (
    <ul className={`list-disc space-y-1 pl-5 text-sm ${className}`} data-testid="plan-features">
      {unlocks.features.map((feature) => (
        <li key={feature.id} data-feature={feature.id}>
          {t(`billing.feature.${feature.id}`, { defaultValue: feature.description, tokens: formatNumber(unlocks.aiDailyTokens) })}
        </li>
      ))}
    </ul>
  );
}
