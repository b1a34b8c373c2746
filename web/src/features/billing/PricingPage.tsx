import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { endpoints, queryKeys } from '../../api/endpoints';
import type { BillingInterval, CheckoutBody, PassInfo, PlanInfo } from '../../api/types';
import { ErrorState, Loading } from '../../components/States';
import { usePageTitle } from '../../lib/usePageTitle';
import { useSession } from '../auth/useAuth';
import { PlanFeatureList } from './PlanFeatureList';
import { formatBrl, planAction, planPriceCents, problemText, yearlyPerMonthCents, yearlySavingsCents } from './plans';
import { useMyBilling } from './useBilling';

const LOGIN = `/login?next=${encodeURIComponent('/pricing')}`;

export default function PricingPage() {
  const { t } = useTranslation();
  usePageTitle(t('billing.pricing.title'));
  const session = useSession();
  const navigate = useNavigate();
  const [interval, setInterval] = useState<BillingInterval>('month');
  const catalog = useQuery({ queryKey: queryKeys.plans, queryFn: endpoints.plans });
  const billing = useMyBilling();
  const checkout = useMutation({
    mutationFn: (body: CheckoutBody) => endpoints.checkout(body),
    // Stripe's hosted page takes over; the learner comes back to /settings/billing.
    onSuccess: ({ url }) => window.location.assign(url),
  });

  if (catalog.isPending) return <Loading />;
  if (catalog.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState error={catalog.error} onRetry={() => void catalog.refetch()} />
      </div>
    );

  const { plans, passes, paymentsEnabled } = catalog.data;
  const buy = (body: CheckoutBody) => {
    if (!session) {
      void navigate(LOGIN);
      return;
    }
    checkout.mutate(body);
  };
  const failure = checkout.isError ? problemText(checkout.error, t('billing.pricing.checkoutFailed')) : null;

  return (
    <section className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t('billing.pricing.title')}</h1>
      <p className="mt-1 text-muted">{t('billing.pricing.subtitle')}</p>

      {!paymentsEnabled && (
        <div role="note" data-testid="payments-unavailable" className="mt-4 rounded-xl border border-warning/50 bg-warning/10 p-4 text-sm">
          <p className="font-semibold">{t('billing.pricing.unavailableTitle')}</p>
          <p className="mt-1">{t('billing.pricing.unavailableBody')}</p>
        </div>
      )}

      <fieldset className="mt-6">
        <legend className="mb-2 text-sm font-medium">{t('billing.pricing.interval')}</legend>
        <div className="inline-flex rounded-lg border border-line p-1">
          {(['month', 'year'] as const).map((value) => (
            <label
              key={value}
              className={`cursor-pointer rounded-md px-4 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand ${
                interval === value ? 'bg-brand text-on-brand' : 'text-muted hover:text-ink'
              }`}
            >
              <input
                type="radio"
                name="interval"
                value={value}
                className="sr-only"
                checked={interval === value}
                onChange={() => setInterval(value)}
              />
              {value === 'month' ? t('billing.pricing.monthly') : t('billing.pricing.yearly')}
            </label>
          ))}
        </div>
      </fieldset>

      <div role="alert" data-testid="checkout-error" className={failure ? 'mt-4 rounded-xl border border-danger/50 bg-danger/10 p-4 text-sm' : ''}>
        {failure && (
          <>
            <p className="font-semibold">{failure.title}</p>
            {failure.detail && <p className="mt-1">{failure.detail}</p>}
          </>
        )}
      </div>

      <ul className="mt-6 grid gap-4 md:grid-cols-3" data-testid="plans">
        {plans.map((plan) => (
          <PlanCard
            key={plan.id}
            plan={plan}
            interval={interval}
            action={planAction(plan, !!session, billing.data?.plan)}
            busy={checkout.isPending && checkout.variables !== undefined && 'plan' in checkout.variables && checkout.variables.plan === plan.id}
            disabled={checkout.isPending}
            onSubscribe={() => buy({ plan: plan.id, interval })}
          />
        ))}
      </ul>

      {passes.length > 0 && (
        <section className="mt-10" aria-labelledby="passes-title">
          <h2 id="passes-title" className="text-xl font-bold">
            {t('billing.pricing.passesTitle')}
          </h2>
          <p className="mt-1 text-sm text-muted">{t('billing.pricing.passesBody')}</p>
          <ul className="mt-4 grid gap-3 sm:grid-cols-3" data-testid="passes">
            {passes.map((pass) => (
              <PassCard
                key={pass.months}
                pass={pass}
                busy={checkout.isPending && checkout.variables !== undefined && 'passMonths' in checkout.variables && checkout.variables.passMonths === pass.months}
                disabled={checkout.isPending}
                onBuy={() => buy({ passMonths: pass.months })}
              />
            ))}
          </ul>
        </section>
      )}
      {!session && <p className="mt-6 text-sm text-muted">{t('billing.pricing.signInHint')}</p>}
    </section>
  );
}

function PlanCard(props: {
  plan: PlanInfo;
  interval: BillingInterval;
  action: ReturnType<typeof planAction>;
  busy: boolean;
  disabled: boolean;
  onSubscribe: () => void;
}) {
  const { plan, interval, action } = props;
  const { t } = useTranslation();
  const name = t(`billing.planName.${plan.id}`, { defaultValue: plan.name });
  const cents = planPriceCents(plan, interval);
  return (
    <li className="card flex flex-col p-5" data-testid="plan-card" data-plan={plan.id}>
      <h2 className="text-lg font-bold">{name}</h2>
      <p className="mt-3" data-testid="plan-price">
        {cents === 0 ? (
          <span className="text-3xl font-bold">{t('billing.pricing.free')}</span>
        ) : (
          <>
            <span className="text-3xl font-bold">{formatBrl(cents)}</span>
            <span className="text-muted">{interval === 'year' ? t('billing.pricing.perYear') : t('billing.pricing.perMonth')}</span>
          </>
        )}
      </p>
      {cents > 0 && interval === 'year' && (
        <p className="mt-1 text-sm text-muted">
          {t('billing.pricing.yearlyEquivalent', { price: formatBrl(yearlyPerMonthCents(plan)) })}
          {yearlySavingsCents(plan) > 0 && ` · ${t('billing.pricing.yearlySavings', { price: formatBrl(yearlySavingsCents(plan)) })}`}
        </p>
      )}
      <h3 className="mt-4 text-sm font-semibold">{t('billing.pricing.unlocks')}</h3>
      <PlanFeatureList unlocks={plan.unlocks} className="mt-2 flex-1" />
      <div className="mt-5">
        {action === 'signup' && (
          <Link className="btn-secondary w-full" to="/signup">
            {t('billing.pricing.startFree')}
          </Link>
        )}
        {action === 'current' && <p className="rounded-lg bg-subtle px-4 py-2 text-center text-sm font-semibold">{t('billing.pricing.current')}</p>}
        {action === 'included' && <p className="px-4 py-2 text-center text-sm text-muted">{t('billing.pricing.included')}</p>}
        {(action === 'subscribe' || action === 'sign-in') && (
          <button
            type="button"
            className="btn-primary w-full"
            disabled={props.disabled}
            aria-label={
              props.busy
                ? undefined
                : t('billing.pricing.subscribeLabel', {
                    plan: name,
                    interval: interval === 'year' ? t('billing.pricing.yearly') : t('billing.pricing.monthly'),
                  })
            }
            onClick={props.onSubscribe}
          >
            {props.busy ? t('billing.pricing.redirecting') : t('billing.pricing.subscribe')}
          </button>
        )}
      </div>
    </li>
  );
}

function PassCard({ pass, busy, disabled, onBuy }: { pass: PassInfo; busy: boolean; disabled: boolean; onBuy: () => void }) {
  const { t } = useTranslation();
  return (
    <li className="card flex flex-col gap-2 p-4" data-testid="pass-card" data-months={pass.months}>
      <p className="font-semibold">{t('billing.pricing.passMonths', { count: pass.months })}</p>
      <p>
        <span className="text-2xl font-bold">{formatBrl(pass.priceCents)}</span>
      </p>
      <p className="text-xs text-muted">{t('billing.pricing.passMethods')}</p>
      <button
        type="button"
        className="btn-secondary mt-auto"
        disabled={disabled}
        aria-label={busy ? undefined : t('billing.pricing.buyPassLabel', { months: pass.months })}
        onClick={onBuy}
      >
        {busy ? t('billing.pricing.redirecting') : t('billing.pricing.buyPass')}
      </button>
    </li>
  );
}
