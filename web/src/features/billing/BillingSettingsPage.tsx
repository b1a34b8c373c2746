import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { endpoints } from '../../api/endpoints';
import type { BillingPayment, BillingSubscription } from '../../api/types';
import { PlanBadge } from '../../components/PlanBadge';
import { EmptyState, ErrorState, Loading } from '../../components/States';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { PlanFeatureList } from './PlanFeatureList';
import { formatMoney, isPaidPlan, planUntil, problemText } from './plans';
import { useMyBilling } from './useBilling';

export default function BillingSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('billing.settings.title'));
  const [params] = useSearchParams();
  const billing = useMyBilling();
  const portal = useMutation({
    mutationFn: () => endpoints.billingPortal(),
    onSuccess: ({ url }) => window.location.assign(url),
  });

  if (billing.isPending) return <Loading />;
  if (billing.isError)
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <ErrorState error={billing.error} onRetry={() => void billing.refetch()} />
      </div>
    );

  const data = billing.data;
  const planName = t(`billing.planName.${isPaidPlan(data.plan) ? data.plan : 'free'}`);
  const until = planUntil(data);
  // Stripe sends the learner back here with ?checkout=ok|cancelado (BillingApi's success and cancel URLs).
  const returned = params.get('checkout');
  const failure = portal.isError ? problemText(portal.error, t('billing.settings.portalFailed')) : null;

  return (
    <section className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t('billing.settings.title')}</h1>

      {returned === 'ok' && (
        <p role="status" className="mt-4 rounded-xl border border-success/50 bg-success/10 p-4 text-sm">
          {t('billing.settings.checkoutOk')}
        </p>
      )}
      {returned === 'cancelado' && (
        <p role="status" className="mt-4 rounded-xl border border-line bg-subtle p-4 text-sm">
          {t('billing.settings.checkoutCanceled')}
        </p>
      )}
      {!data.paymentsEnabled && (
        <div role="note" data-testid="payments-unavailable" className="mt-4 rounded-xl border border-warning/50 bg-warning/10 p-4 text-sm">
          <p className="font-semibold">{t('billing.pricing.unavailableTitle')}</p>
          <p className="mt-1">{t('billing.pricing.unavailableBody')}</p>
        </div>
      )}

      <div className="card mt-6 p-5" data-testid="current-plan" data-plan={data.plan}>
        <h2 className="text-sm font-medium text-muted">{t('billing.settings.current')}</h2>
        <p className="mt-1 flex items-center gap-2 text-xl font-bold">
          {planName} <PlanBadge plan={data.plan} />
        </p>
        <p className="mt-1 text-sm text-muted" data-testid="plan-until">
          {until
            ? t(until.kind === 'renews' ? 'billing.settings.renews' : 'billing.settings.expires', { date: formatDate(until.at) })
            : t('billing.settings.freeBody')}
        </p>
        {data.passExpiresAt && (
          <p className="mt-1 text-sm" data-testid="pass-until">
            {t('billing.settings.pass', { date: formatDate(data.passExpiresAt) })}
          </p>
        )}
        <h3 className="mt-4 text-sm font-semibold">{t('billing.settings.unlocks')}</h3>
        <PlanFeatureList unlocks={data.unlocks} className="mt-2" />
        <div className="mt-4 flex flex-wrap gap-2">
          {data.subscriptions.length > 0 && (
            <button type="button" className="btn-primary" disabled={portal.isPending} onClick={() => portal.mutate()}>
              {portal.isPending ? t('billing.settings.opening') : t('billing.settings.manage')}
            </button>
          )}
          <Link className={data.subscriptions.length > 0 ? 'btn-secondary' : 'btn-primary'} to="/pricing">
            {isPaidPlan(data.plan) ? t('billing.settings.seePlans') : t('billing.settings.upgrade')}
          </Link>
        </div>
        <div role="alert" className={failure ? 'mt-4 rounded-lg border border-danger/50 bg-danger/10 p-3 text-sm' : ''}>
          {failure && (
            <>
              <p className="font-semibold">{failure.title}</p>
              {failure.detail && <p className="mt-1">{failure.detail}</p>}
            </>
          )}
        </div>
      </div>

      <h2 className="mt-8 text-lg font-bold">{t('billing.settings.subscriptions')}</h2>
      {data.subscriptions.length === 0 ? (
        <div className="mt-3">
          <EmptyState title={t('billing.settings.noSubscriptions')}>{t('billing.settings.noSubscriptionsBody')}</EmptyState>
        </div>
      ) : (
        <ul className="mt-3 space-y-2" data-testid="subscriptions">
          {data.subscriptions.map((subscription, index) => (
            <SubscriptionRow key={index} subscription={subscription} />
          ))}
        </ul>
      )}

      <h2 className="mt-8 text-lg font-bold">{t('billing.settings.payments')}</h2>
      {data.payments.length === 0 ? (
        <div className="mt-3">
          <EmptyState title={t('billing.settings.noPayments')}>{t('billing.settings.noPaymentsBody')}</EmptyState>
        </div>
      ) : (
        <div className="card mt-3 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="payments">
            <caption className="sr-only">{t('billing.settings.paymentsTable')}</caption>
            <thead className="border-b border-line text-muted">
              <tr>
                <th scope="col" className="px-4 py-2 font-medium">{t('billing.settings.date')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('billing.settings.description')}</th>
                <th scope="col" className="px-4 py-2 text-right font-medium">{t('billing.settings.amount')}</th>
                <th scope="col" className="px-4 py-2 font-medium">{t('billing.settings.status')}</th>
              </tr>
            </thead>
            <tbody>
              {data.payments.map((payment, index) => (
                <PaymentRow key={index} payment={payment} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SubscriptionRow({ subscription }: { subscription: BillingSubscription }) {
  const { t } = useTranslation();
  return (
    <li className="card flex flex-wrap items-center gap-3 p-4" data-testid="subscription">
      <PlanBadge plan={subscription.plan} />
      <span className="font-medium">
        {t(`billing.settings.subscriptionStatus.${subscription.status}`, { defaultValue: subscription.status })}
      </span>
      {subscription.currentPeriodEnd && (
        <span className="text-sm text-muted">{t('billing.settings.periodEnd', { date: formatDate(subscription.currentPeriodEnd) })}</span>
      )}
      {subscription.cancelAtPeriodEnd && <span className="chip">{t('billing.settings.cancelsAtEnd')}</span>}
    </li>
  );
}

function PaymentRow({ payment }: { payment: BillingPayment }) {
  const { t } = useTranslation();
  const plan = t(`billing.planName.${isPaidPlan(payment.plan) ? payment.plan : 'free'}`);
  const description =
    payment.kind === 'pass'
      ? t('billing.settings.kindPass', { plan, count: payment.passMonths ?? 1 })
      : t('billing.settings.kindSubscription', { plan });
  const amount = formatMoney(payment.amountCents, payment.currency);
  return (
    <tr className="border-b border-line last:border-0" data-testid="payment">
      <td className="px-4 py-2 whitespace-nowrap">{formatDate(payment.createdAt)}</td>
      <td className="px-4 py-2">{description}</td>
      <td className="px-4 py-2 text-right whitespace-nowrap">{amount}</td>
      <td className={`px-4 py-2 ${payment.status === 'failed' ? 'text-danger' : ''}`}>
        {t(`billing.settings.paymentStatus.${payment.status}`, { defaultValue: payment.status })}
      </td>
    </tr>
  );
}
