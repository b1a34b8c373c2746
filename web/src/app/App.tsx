import { lazy, Suspense } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router';
import { isApiError } from '../api/problem';
import { Layout } from './Layout';
import { LandingPage } from '../features/landing/LandingPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { RequireCompany } from '../features/company/RequireCompany';
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
const JobsPage = lazy(() => import('../features/jobs/JobsPage'));
const JobPage = lazy(() => import('../features/jobs/JobPage'));
const ForMePage = lazy(() => import('../features/jobs/ForMePage'));
const ApplicationsPage = lazy(() => import('../features/jobs/ApplicationsPage'));
const ClaimAssessmentPage = lazy(() => import('../features/jobs/ClaimAssessmentPage'));
const CompanyDashboardPage = lazy(() => import('../features/company/CompanyDashboardPage'));
const JobEditorPage = lazy(() => import('../features/company/JobEditorPage'));
const CompanyJobPage = lazy(() => import('../features/company/CompanyJobPage'));
const AssessmentsPage = lazy(() => import('../features/company/AssessmentsPage'));

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
      { path: 'vagas', element: page(<JobsPage />) },
      { path: 'vagas/:id', element: page(<JobPage />) },
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
          { path: 'vagas/para-voce', element: page(<ForMePage />) },
          { path: 'candidaturas', element: page(<ApplicationsPage />) },
          // Notifications link the learner's applications under /vagas.
          { path: 'vagas/candidaturas', element: <Navigate to="/candidaturas" replace /> },
          { path: 'avaliacoes/:token', element: page(<ClaimAssessmentPage />) },
          {
            element: <RequireCompany />,
            children: [
              { path: 'empresa', element: page(<CompanyDashboardPage />) },
              { path: 'empresa/vagas/nova', element: page(<JobEditorPage />) },
              { path: 'empresa/vagas/:id', element: page(<CompanyJobPage />) },
              { path: 'empresa/vagas/:id/editar', element: page(<JobEditorPage />) },
              { path: 'empresa/avaliacoes', element: page(<AssessmentsPage />) },
            ],
          },
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
