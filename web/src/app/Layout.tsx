import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Header } from './Header';
import { ScrollAndFocus } from './ScrollAndFocus';

export function Layout() {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <Header />
      <ScrollAndFocus />
      <main id="main" tabIndex={-1} className="flex-1 outline-none">
        <Outlet />
      </main>
      <footer className="border-t border-line px-4 py-6 text-center text-sm text-muted">
        {t('footer.text')} ·{' '}
        <a className="link" href="/docs">
          {t('footer.api')}
        </a>
      </footer>
    </div>
  );
}
