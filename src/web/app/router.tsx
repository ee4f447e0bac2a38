import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage, ForgotPasswordPage, LoginPage, ResetPasswordPage } from '../features/auth/index.js';
import { CalendarPage } from '../features/calendar/index.js';
import { CertificateDetailPage, CertificateListPage } from '../features/certificates/index.js';
import { CouncilCreatePage, CouncilListPage, PaperSheetPage, ScoreSheetPage, SessionPage } from '../features/councils/index.js';
import { CriteriaListPage, CriteriaSetPage } from '../features/criteria/index.js';
import { NationalPage } from '../features/dashboard/index.js';
import { DecisionCreatePage, DecisionListPage } from '../features/decisions/index.js';
import { DossierDetailPage, DossierListPage } from '../features/dossiers/index.js';
import { HomePage } from '../features/home/index.js';
import { ImportPage } from '../features/imports/index.js';
import { marketRoutes } from '../features/market/index.js';
import { PlanEditorPage, PlanListPage } from '../features/plans/index.js';
import { programmeRoutes } from '../features/programme/index.js';
import { ProductCreatePage, ProductDetailPage, ProductEditPage, ProductListPage } from '../features/products/index.js';
import { SelfAssessmentPage } from '../features/self-assessments/index.js';
import { SubjectCreatePage, SubjectDetailPage, SubjectEditPage, SubjectListPage } from '../features/subjects/index.js';
import { UserCreatePage, UserEditPage, UserListPage } from '../features/users/index.js';
import { AppLayout } from './AppLayout.js';
import { NotFoundPage } from './ErrorPages.js';
import { RequireArea, RequireAuth } from './RequireAuth.js';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          // The site's own home (/) is the public portal, served by the server; signing in starts here,
          // on each person's own page: a producer's products, a council member's sheets, the office's dashboard.
          { path: 'dashboard', element: <HomePage /> },
          { path: 'change-password', element: <ChangePasswordPage /> },
          { path: 'criteria', element: <CriteriaListPage /> },
          { path: 'criteria/:version/:set', element: <CriteriaSetPage /> },
          {
            element: <RequireArea area="registry" />,
            children: [
              { path: 'subjects', element: <SubjectListPage /> },
              { path: 'subjects/:id', element: <SubjectDetailPage /> },
              { path: 'subjects/:id/edit', element: <SubjectEditPage /> },
              { path: 'products', element: <ProductListPage /> },
              { path: 'products/new', element: <ProductCreatePage /> },
              { path: 'products/:id', element: <ProductDetailPage /> },
              { path: 'products/:id/edit', element: <ProductEditPage /> },
              { path: 'self-assessments/:id', element: <SelfAssessmentPage /> },
              { path: 'dossiers', element: <DossierListPage /> },
              { path: 'dossiers/:id', element: <DossierDetailPage /> },
              { path: 'certificates', element: <CertificateListPage /> },
              { path: 'certificates/:id', element: <CertificateDetailPage /> },
            ],
          },
          {
            element: <RequireArea area="councils" />,
            children: [
              { path: 'councils', element: <CouncilListPage /> },
              { path: 'council-sessions/:id', element: <SessionPage /> },
              { path: 'council-sessions/:id/dossiers/:dossierId/sheet', element: <ScoreSheetPage /> },
              { path: 'council-sessions/:id/dossiers/:dossierId/paper', element: <PaperSheetPage /> },
            ],
          },
          {
            element: <RequireArea area="subject-registration" />,
            children: [{ path: 'subjects/new', element: <SubjectCreatePage /> }],
          },
          {
            element: <RequireArea area="programme" />,
            children: [
              { path: 'plans', element: <PlanListPage /> },
              { path: 'plans/:year', element: <PlanEditorPage /> },
              { path: 'calendar', element: <CalendarPage /> },
              ...marketRoutes,
              ...programmeRoutes,
            ],
          },
          {
            element: <RequireArea area="national" />,
            children: [{ path: 'national', element: <NationalPage /> }],
          },
          {
            element: <RequireArea area="office" />,
            children: [
              { path: 'users', element: <UserListPage /> },
              { path: 'users/new', element: <UserCreatePage /> },
              { path: 'users/:id', element: <UserEditPage /> },
              { path: 'councils/new', element: <CouncilCreatePage /> },
              { path: 'decisions', element: <DecisionListPage /> },
              { path: 'decisions/new', element: <DecisionCreatePage /> },
              { path: 'imports', element: <ImportPage /> },
            ],
          },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
