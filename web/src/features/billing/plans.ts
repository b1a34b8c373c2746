import type { BillingInterval, MyBilling, PlanInfo } from '../../api/types';
import { isApiError } from '../../api/problem';

export const PAID_PLANS = ['pro', 'pro_plus'] as const;
export type PaidPlan = (typeof PAID_PLANS)[number];

export function isPaidPlan(plan: string | null | undefined): plan is PaidPlan {
  return (PAID_PLANS as readonly string[]).includes(plan ?? '');
}

/** Higher is more, as the server ranks plans; unknown plans count as free. */
export function planRank(plan: string): number {
  return plan === 'pro_plus' ? 2 : plan === 'pro' ? 1 : 0;
}

// Prices are in BRL and shown the Brazilian way (R$ 29,90) whatever the interface language.
const brl = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' });

/** BRL cents as reais: 2990 → "R$ 29,90". */
export function formatBrl(cents: number): string {
  return brl.format(cents / 100);
}

/** Cents of any currency Stripe reports ("brl", "usd"), the Brazilian way; every price we sell is in BRL. */
export function formatMoney(cents: number, currency: string): string {
  const code = currency.toUpperCase();
  return code === 'BRL' ? formatBrl(cents) : new Intl.NumberFormat('pt-BR', { style: 'currency', currency: code }).format(cents / 100);
}

/** The price of a plan for the chosen interval, in cents (0 for the free plan). */
export function planPriceCents(plan: PlanInfo, interval: BillingInterval): number {
  return interval === 'year' ? plan.yearlyCents : plan.monthlyCents;
}

/** What a yearly price amounts to per month, rounded to the cent. */
export function yearlyPerMonthCents(plan: PlanInfo): number {
  return Math.round(plan.yearlyCents / 12);
}

/** Cents saved by paying yearly instead of twelve monthly payments (0 when yearly is not cheaper). */
export function yearlySavingsCents(plan: PlanInfo): number {
  return Math.max(0, plan.monthlyCents * 12 - plan.yearlyCents);
}

/** What a "Assinar" button on a plan card should do for this viewer. */
export type PlanAction = 'signup' | 'current' | 'included' | 'subscribe' | 'sign-in';

export function planAction(plan: PlanInfo, signedIn: boolean, currentPlan: string | undefined): PlanAction {
  if (!signedIn) return plan.id === 'free' ? 'signup' : 'sign-in';
  if (currentPlan === plan.id) return 'current';
  // Free, or a plan below the one held: nothing to buy here.
  if (plan.id === 'free' || planRank(plan.id) < planRank(currentPlan ?? 'free')) return 'included';
  return 'subscribe';
}

/** The date the current plan is good until: the renewal while a subscription renews, else the expiry. */
export function planUntil(billing: MyBilling): { kind: 'renews' | 'expires'; at: string } | null {
  if (!isPaidPlan(billing.plan)) return null;
  if (billing.renewsAt) return { kind: 'renews', at: billing.renewsAt };
  const expiry = [billing.expiresAt, billing.passExpiresAt].filter((d): d is string => !!d).sort().at(-1);
  return expiry ? { kind: 'expires', at: expiry } : null;
}

/** A failed checkout or portal call as the server explained it (pt-BR problem title and detail), never a bare code. */
export function problemText(error: unknown, fallback: string): { title: string; detail: string | null } {
  if (isApiError(error) && (error.problem?.title || error.problem?.detail)) {
    const fields = Object.values(error.fieldErrors).flat();
    const detail = [error.problem.detail, ...fields].filter(Boolean).join(' ');
    return { title: error.problem.title ?? fallback, detail: detail || null };
  }
  return { title: fallback, detail: null };
}
