import { Navigate, type RouteObject } from 'react-router';

/** The market feature's pages, under /market; the router mounts them in the programme area. */
export const marketRoutes: RouteObject[] = [{ path: 'market', element: <Navigate to="/market/sales-points" replace /> }];
