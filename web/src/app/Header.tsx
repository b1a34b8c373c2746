import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../features/auth/useAuth';
import { signOut } from '../features/auth/signOut';
import { ThemeToggle } from '../components/ThemeToggle';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Logo } from '../components/Logo';
import { PlanBadge } from '../components/PlanBadge';
import { isPaidPlan } from '../features/billing/plans';
import { useMyBilling } from '../features/billing/useBilling';
import { NotificationBell } from '../features/jobs/NotificationBell';

export function Header() {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const navId = useId();

  useEffect(() => setOpen(false), [location.pathname]);

  const isCompany = Boolean(session?.user.roles.includes('company'));
  const links = [
    { to: '/challenges', label: t('nav.challenges') },
    { to: '/vagas', label: t('nav.jobs') },
    ...(isCompany ? [{ to: '/empresa', label: t('nav.company') }] : []),
    { to: '/leaderboard', label: t('nav.leaderboard') },
    ...(session
      ? [
          { to: '/dashboard', label: t('nav.dashboard') },
          { to: '/submissions', label: t('nav.mySubmissions') },
        ]
      : // Signed in, the plans are one step away in the account menu (Plano e cobrança → Ver planos).
        [{ to: '/pricing', label: t('nav.pricing') }]),
  ];
  // Signed in, five or six links need more room: the menu button stands in for them up to the xl breakpoint.
  const desktopOnly = session ? 'hidden xl:block' : 'hidden md:block';
  const compactOnly = session ? 'xl:hidden' : 'md:hidden';

  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:px-4">
        <Link to="/" className="flex shrink-0 items-center gap-2 rounded font-bold" aria-label={t('nav.home')}>
          <Logo />
          <span className="hidden text-lg min-[400px]:inline">compila.dev</span>
        </Link>
        <nav aria-label={t('nav.main')} className={`ml-4 ${desktopOnly}`}>
          <ul className="flex gap-1">
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} className="nav-link whitespace-nowrap">
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <LanguageSwitch />
          <ThemeToggle />
          {session && <NotificationBell userId={session.user.id} />}
          {session ? (
            <UserMenu username={session.user.username} isCompany={isCompany} />
          ) : (
            <div className="hidden items-center gap-1 sm:flex">
              <Link to="/login" className="btn-ghost">
                {t('nav.signIn')}
              </Link>
              <Link to="/signup" className="btn-primary">
                {t('nav.signUp')}
              </Link>
            </div>
          )}
          <button
            type="button"
            className={`icon-btn ${compactOnly}`}
            aria-expanded={open}
            aria-controls={navId}
            onClick={() => setOpen((v) => !v)}
          >
            <span className="sr-only">{t('nav.menu')}</span>
            <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
              {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
            </svg>
          </button>
        </div>
      </div>
      <nav id={navId} aria-label={t('nav.mobile')} hidden={!open} className={`border-t border-line px-3 py-2 ${compactOnly}`}>
        <ul className="flex flex-col gap-1">
          {links.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} className="nav-link block">
                {link.label}
              </NavLink>
            </li>
          ))}
          {!session && (
            <>
              <li>
                <NavLink to="/login" className="nav-link block">
                  {t('nav.signIn')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/signup" className="nav-link block">
                  {t('nav.signUp')}
                </NavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}

function UserMenu({ username, isCompany }: { username: string; isCompany: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const billing = useMyBilling();
  const plan = billing.data?.plan;

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        ref.current?.querySelector('button')?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        className="flex items-center gap-2 rounded-full border border-line py-1 pr-3 pl-1 text-sm hover:bg-subtle"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
      >
        <span aria-hidden="true" className="grid size-7 place-items-center rounded-full bg-brand text-xs font-bold text-on-brand uppercase">
          {username.slice(0, 2)}
        </span>
        <span className="sr-only">{t('nav.userMenu')}: </span>
        <span className="hidden max-w-28 truncate sm:inline">{username}</span>
        {isPaidPlan(plan) && <PlanBadge plan={plan} />}
      </button>
      <div
        id={menuId}
        hidden={!open}
        className="absolute right-0 mt-2 w-52 rounded-lg border border-line bg-surface p-1 shadow-lg"
      >
        <ul>
          <li>
            <Link to="/dashboard" className="menu-item">
              {t('nav.dashboard')}
            </Link>
          </li>
          <li>
            <Link to="/submissions" className="menu-item">
              {t('nav.mySubmissions')}
            </Link>
          </li>
          {isCompany ? (
            <li>
              <Link to="/empresa" className="menu-item">
                {t('nav.company')}
              </Link>
            </li>
          ) : (
            <li>
              <Link to="/candidaturas" className="menu-item">
                {t('nav.myApplications')}
              </Link>
            </li>
          )}
          <li>
            <Link to="/profile" className="menu-item">
              {t('nav.profile')}
            </Link>
          </li>
          <li>
            <Link to="/settings/billing" className="menu-item">
              {t('nav.billing')}
            </Link>
          </li>
          <li>
            <Link to="/pricing" className="menu-item">
              {t('nav.pricing')}
            </Link>
          </li>
          <li>
            <Link to={`/u/${username}`} className="menu-item">
              {t('nav.portfolio')}
            </Link>
          </li>
          <li>
            <Link to="/portfolio/projects" className="menu-item">
              {t('nav.myProjects')}
            </Link>
          </li>
          <li>
            <button
              type="button"
              className="menu-item w-full text-left"
              onClick={() => {
                void signOut(queryClient).then(() => navigate('/'));
              }}
            >
              {t('nav.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
