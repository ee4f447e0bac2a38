import { Navigate, type RouteObject } from 'react-router';

/** The programme feature's pages, under /activities; the router mounts them in the programme area. */
export const programmeRoutes: RouteObject[] = [{ path: 'activities', element: <Navigate to="/activities/ideas" replace /> }];
