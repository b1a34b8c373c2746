import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { EmptyState } from '../../components/States';
import { useSession } from '../auth/useAuth';

/** The company area: signed in (RequireAuth sits above) with the company role, else a plain explanation. */
export function RequireCompany() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session?.user.roles.includes('company')) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <h1 className="sr-only">{t('company.title')}</h1>
        <EmptyState title={t('company.onlyCompanies')}>
          <p>{t('company.onlyCompaniesBody')}</p>
          <Link className="link mt-2 inline-block" to="/vagas">
            {t('company.seeJobs')}
          </Link>
        </EmptyState>
      </div>
    );
  }
  return <Outlet />;
}
