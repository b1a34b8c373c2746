import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../auth/useAuth';
import { usePageTitle } from '../../lib/usePageTitle';

const STEPS = ['pick', 'code', 'feedback', 'grow'] as const;

export function LandingPage() {
  const { t } = useTranslation();
  const session = useSession();
  usePageTitle(undefined);
  return (
    <>
      <section className="border-b border-line bg-surface">
        <div className="mx-auto grid max-w-7xl gap-10 px-4 py-14 md:grid-cols-2 md:py-20">
          <div>
            <p className="chip mb-4">{t('landing.kicker')}</p>
            <h1 className="text-3xl leading-tight font-extrabold tracking-tight sm:text-5xl">{t('landing.title')}</h1>
            <p className="mt-4 max-w-prose text-lg text-muted">{t('landing.subtitle')}</p>
            <div className="mt-8 flex flex-wrap gap-3">
              {session ? (
                <Link to="/challenges" className="btn-primary px-5 py-3 text-base">
                  {t('landing.ctaCatalog')}
                </Link>
              ) : (
                <Link to="/signup" className="btn-primary px-5 py-3 text-base">
                  {t('landing.ctaSignUp')}
                </Link>
              )}
              <Link to="/challenges" className="btn-secondary px-5 py-3 text-base">
                {t('landing.ctaBrowse')}
              </Link>
            </div>
          </div>
          <div aria-hidden="true" className="card overflow-hidden font-mono text-xs shadow-sm sm:text-sm">
            <div className="flex gap-1.5 border-b border-line px-3 py-2">
              <span className="size-2.5 rounded-full bg-red-400" />
              <span className="size-2.5 rounded-full bg-amber-400" />
              <span className="size-2.5 rounded-full bg-emerald-400" />
            </div>
            <pre className="overflow-x-auto p-4 leading-6">
              <code>
                <span className="text-muted"># validar_cpf.py</span>
                {'\n'}def validar_cpf(cpf: str) -&gt; bool:{'\n'}    digitos = [int(c) for c in cpf if c.isdigit()]{'\n'}    if len(digitos) != 11:{'\n'}        return False{'\n'}    ...{'\n\n'}
                <span className="text-success">✓ 9/9 casos passaram · +80 XP</span>
              </code>
            </pre>
          </div>
        </div>
      </section>
      <section className="mx-auto max-w-7xl px-4 py-14" aria-labelledby="how">
        <h2 id="how" className="text-2xl font-bold">
          {t('landing.howTitle')}
        </h2>
        <ol className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {STEPS.map((step, index) => (
            <li key={step} className="card p-5">
              <span className="text-sm font-semibold text-brand dark:text-violet-300">{String(index + 1).padStart(2, '0')}</span>
              <h3 className="mt-1 font-semibold">{t(`landing.steps.${step}.title`)}</h3>
              <p className="mt-1 text-sm text-muted">{t(`landing.steps.${step}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
