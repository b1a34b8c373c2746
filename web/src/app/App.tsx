import { lazy, Suspense } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { isApiError } from '../api/problem';
import { Layout } from './Layout';
import { LandingPage } from '../features/landing/LandingPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { Loading } from '../components/States';
import { NotFoundPage } from './NotFoundPage';

const SignInPage = lazy(() => import('../features/auth/SignInPage'));
const SignUpPage = lazy(() => import('../features/auth/SignUpPage'));
const CatalogPage = lazy(() => import('../features/challenges/CatalogPage'));
const ChallengePage = lazy(() => import('../features/challenges/ChallengePage'));
const SubmissionPage = lazy(() => import('../features/submissions/SubmissionPage'));
const MySubmissionsPage = lazy(() => import('../features/submissions/MySubmissionsPage'));
const DashboardPage = lazy(() => import('../features/progress/DashboardPage'));
const LeaderboardPage = lazy(() => import('../features/leaderboard/LeaderboardPage'));
const ProfilePage = lazy(() => import('../features/profile/ProfilePage'));
const PublicProfilePage = lazy(() => import('../features/portfolio/PublicProfilePage'));
const ProjectsPage = lazy(() => import('../features/portfolio/ProjectsPage'));
const ProjectEditorPage = lazy(() => import('../features/portfolio/ProjectEditorPage'));
const PricingPage = lazy(() => import('../features/billing/PricingPage'));
const BillingSettingsPage = lazy(() => import('../features/billing/BillingSettingsPage'));

/** The server's default Stripe return URL (Compila:Billing:Stripe:ReturnUrl) is /conta/plano: same page, query kept. */
function BillingReturn() {
  const location = useLocation();
  return <Navigate to={`/settings/billing${location.search}`} replace />;
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not heal by asking again.
      retry: (count, error) => count < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500),
    },
  },
});

const page = (element: React.ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <LandingPage /> },
      { path: 'login', element: page(<SignInPage />) },
      { path: 'signup', element: page(<SignUpPage />) },
      { path: 'challenges', element: page(<CatalogPage />) },
      { path: 'challenges/:slug', element: page(<ChallengePage />) },
      { path: 'leaderboard', element: page(<LeaderboardPage />) },
      { path: 'u/:username', element: page(<PublicProfilePage />) },
      { path: 'pricing', element: page(<PricingPage />) },
      { path: 'conta/plano', element: <BillingReturn /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'dashboard', element: page(<DashboardPage />) },
          { path: 'submissions', element: page(<MySubmissionsPage />) },
          { path: 'submissions/:id', element: page(<SubmissionPage />) },
          { path: 'profile', element: page(<ProfilePage />) },
          { path: 'portfolio/projects', element: page(<ProjectsPage />) },
          { path: 'portfolio/projects/new', element: page(<ProjectEditorPage />) },
          { path: 'portfolio/projects/:id', element: page(<ProjectEditorPage />) },
          { path: 'settings/billing', element: page(<BillingSettingsPage />) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
