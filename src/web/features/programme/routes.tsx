import { Navigate, type RouteObject } from 'react-router';
import { ActivitiesLayout } from './components/ActivitiesLayout.js';
import { CommunicationPage } from './pages/CommunicationPage.js';
import { FunnelPage } from './pages/FunnelPage.js';
import { GrantListPage } from './pages/GrantListPage.js';
import { IdeaCreatePage } from './pages/IdeaCreatePage.js';
import { IdeaDetailPage } from './pages/IdeaDetailPage.js';
import { IdeaEditPage } from './pages/IdeaEditPage.js';
import { IdeaListPage } from './pages/IdeaListPage.js';
import { PlanListPage } from './pages/PlanListPage.js';
import { PolicyDetailPage } from './pages/PolicyDetailPage.js';
import { PolicyListPage } from './pages/PolicyListPage.js';
import { TrainingDetailPage } from './pages/TrainingDetailPage.js';
import { TrainingCreatePage, TrainingEditPage } from './pages/TrainingEditorPage.js';
import { TrainingListPage } from './pages/TrainingListPage.js';

/**
 * The programme feature's pages, under /activities, each under the section tab bar; the router mounts
 * them in the programme area (the office and the commune officers).
 */
export const programmeRoutes: RouteObject[] = [
  {
    path: 'activities',
    element: <ActivitiesLayout />,
    children: [
      { index: true, element: <Navigate to="/activities/ideas" replace /> },
      { path: 'ideas', element: <IdeaListPage /> },
      { path: 'ideas/new', element: <IdeaCreatePage /> },
      { path: 'ideas/:id', element: <IdeaDetailPage /> },
      { path: 'ideas/:id/edit', element: <IdeaEditPage /> },
      { path: 'plans', element: <PlanListPage /> },
      { path: 'funnel', element: <FunnelPage /> },
      { path: 'support', element: <PolicyListPage /> },
      { path: 'support/grants', element: <GrantListPage /> },
      { path: 'support/policies/:id', element: <PolicyDetailPage /> },
      { path: 'communication', element: <CommunicationPage /> },
      { path: 'training', element: <TrainingListPage /> },
      { path: 'training/new', element: <TrainingCreatePage /> },
      { path: 'training/:id', element: <TrainingDetailPage /> },
      { path: 'training/:id/edit', element: <TrainingEditPage /> },
    ],
  },
];
