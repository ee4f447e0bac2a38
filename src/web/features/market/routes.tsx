import { Navigate, type RouteObject } from 'react-router';
import { MarketLayout } from './components/MarketLayout.js';
import { ChainListingsPage, EcommerceListingsPage } from './pages/ListingsPage.js';
import { SalesPointDetailPage } from './pages/SalesPointDetailPage.js';
import { SalesPointCreatePage, SalesPointEditPage } from './pages/SalesPointEditorPage.js';
import { SalesPointListPage } from './pages/SalesPointListPage.js';
import { TradeEventDetailPage } from './pages/TradeEventDetailPage.js';
import { TradeEventCreatePage, TradeEventEditPage } from './pages/TradeEventEditorPage.js';
import { TradeEventListPage } from './pages/TradeEventListPage.js';

/** The market feature's pages, under /market; the router mounts them in the programme area. */
export const marketRoutes: RouteObject[] = [
  {
    path: 'market',
    element: <MarketLayout />,
    children: [
      { index: true, element: <Navigate to="/market/sales-points" replace /> },
      { path: 'sales-points', element: <SalesPointListPage /> },
      { path: 'sales-points/new', element: <SalesPointCreatePage /> },
      { path: 'sales-points/:id', element: <SalesPointDetailPage /> },
      { path: 'sales-points/:id/edit', element: <SalesPointEditPage /> },
      { path: 'listings', element: <EcommerceListingsPage /> },
      { path: 'listings/chains', element: <ChainListingsPage /> },
      { path: 'trade-events', element: <TradeEventListPage /> },
      { path: 'trade-events/new', element: <TradeEventCreatePage /> },
      { path: 'trade-events/:id', element: <TradeEventDetailPage /> },
      { path: 'trade-events/:id/edit', element: <TradeEventEditPage /> },
    ],
  },
];
