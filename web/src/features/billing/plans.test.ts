import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/problem';
import type { MyBilling, PlanInfo } from '../../api/types';
import { formatBrl, formatMoney, isPaidPlan, planAction, planPriceCents, planUntil, problemText, yearlyPerMonthCents, yearlySavingsCents } from './plans';

const plan = (id: string, monthlyCents: number, yearlyCents: number): PlanInfo => ({
  id,
  name: id,
  monthlyCents,
  yearlyCents,
  currency: 'BRL',
  unlocks: { aiDailyTokens: 1000, features: [] },
});
const free = plan('free', 0, 0);
const pro = plan('pro', 2990, 29900);
const proPlus = plan('pro_plus', 5990, 59900);

const billing = (over: Partial<MyBilling>): MyBilling => ({
  plan: 'free',
  expiresAt: null,
  renewsAt: null,
  passExpiresAt: null,
  subscriptions: [],
  payments: [],
  paymentsEnabled: false,
  unlocks: { aiDailyTokens: 1000, features: [] },
  ...over,
});

// Intl puts a no-break space between the symbol and the amount.
const spaced = (text: string) => text.replace(/\u00a0/g, ' ');

describe('formatBrl', () => {
  it('turns cents into reais the Brazilian way', () => {
    expect(spaced(formatBrl(2990))).toBe('R$ 29,90');
    expect(spaced(formatBrl(29900))).toBe('R$ 299,00');
    expect(spaced(formatBrl(123456))).toBe('R$ 1.234,56');
    expect(spaced(formatBrl(0))).toBe('R$ 0,00');
  });

  it('formats a payment in the currency Stripe reported', () => {
    expect(spaced(formatMoney(7990, 'brl'))).toBe('R$ 79,90');
    expect(spaced(formatMoney(500, 'usd'))).toBe('US$ 5,00');
  });
});

describe('plan prices', () => {
  it('picks the monthly or the yearly price', () => {
    expect(planPriceCents(pro, 'month')).toBe(2990);
    expect(planPriceCents(pro, 'year')).toBe(29900);
  });

  it('shows a yearly price per month and what it saves', () => {
    expect(yearlyPerMonthCents(pro)).toBe(2492);
    expect(yearlySavingsCents(pro)).toBe(2990 * 12 - 29900);
    expect(yearlySavingsCents(plan('odd', 1000, 13000))).toBe(0);
  });

  it('knows which plans are paid', () => {
    expect(isPaidPlan('pro')).toBe(true);
    expect(isPaidPlan('pro_plus')).toBe(true);
    expect(isPaidPlan('free')).toBe(false);
    expect(isPaidPlan(undefined)).toBe(false);
  });
});

describe('planAction', () => {
  it('sends visitors to sign up for free and to sign in for a paid plan', () => {
    expect(planAction(free, false, undefined)).toBe('signup');
    expect(planAction(pro, false, undefined)).toBe('sign-in');
  });

  it('offers only upgrades to a signed-in learner', () => {
    expect(planAction(free, true, 'free')).toBe('current');
    expect(planAction(pro, true, 'free')).toBe('subscribe');
    expect(planAction(proPlus, true, 'pro')).toBe('subscribe');
    expect(planAction(pro, true, 'pro_plus')).toBe('included');
    expect(planAction(free, true, 'pro')).toBe('included');
    expect(planAction(pro, true, 'pro')).toBe('current');
  });
});

describe('planUntil', () => {
  it('is nothing on the free plan', () => {
    expect(planUntil(billing({ expiresAt: '2027-01-01T00:00:00Z' }))).toBeNull();
  });

  it('prefers the renewal of a renewing subscription', () => {
    expect(planUntil(billing({ plan: 'pro', renewsAt: '2027-02-01T00:00:00Z', expiresAt: '2027-02-04T00:00:00Z' }))).toEqual({
      kind: 'renews',
      at: '2027-02-01T00:00:00Z',
    });
  });

  it('otherwise shows the latest expiry, a pass included', () => {
    expect(
      planUntil(billing({ plan: 'pro', expiresAt: '2027-02-01T00:00:00Z', passExpiresAt: '2027-05-01T00:00:00Z' })),
    ).toEqual({ kind: 'expires', at: '2027-05-01T00:00:00Z' });
  });
});

describe('problemText', () => {
  it("shows the server's own words", () => {
    const error = new ApiError(503, { title: 'Pagamentos não configurados.', detail: 'Este servidor não tem pagamentos configurados.' });
    expect(problemText(error, 'Falhou')).toEqual({ title: 'Pagamentos não configurados.', detail: 'Este servidor não tem pagamentos configurados.' });
  });

  it('includes field errors of a validation problem', () => {
    const error = new ApiError(400, { title: 'Dados inválidos.', errors: { passMonths: ['Passes existem para 1, 3 ou 12 meses.'] } });
    expect(problemText(error, 'Falhou')).toEqual({ title: 'Dados inválidos.', detail: 'Passes existem para 1, 3 ou 12 meses.' });
  });

  it('falls back when the answer explains nothing', () => {
    expect(problemText(new ApiError(0, null), 'Falhou')).toEqual({ title: 'Falhou', detail: null });
  });
});
