import { Navigate, Outlet, useLocation } from 'react-router';
import { mayUseArea, type Area } from '../../domain/policies/index.js';
import { ForbiddenPage } from './ErrorPages.js';
import { PageLoader } from '../components/PageLoader.js';
import { QueryError } from '../components/QueryError.js';
import { toActor, useSession } from '../lib/session.js';

export type ReturnState = { from?: string };

/**
 * The signed-in area. Signed out → sign-in page, remembering where the user was going; a user with
 * a temporary password → the change-password screen, whatever they open.
 */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from } satisfies ReturnState} />;
  }
  if (session.data.mustChangePassword && location.pathname !== '/change-password') return <Navigate to="/change-password" replace />;
  return <Outlet />;
}

/** Pages of one area of the app (mayUseArea); the server enforces the same rule, this just avoids a dead page. */
export function RequireArea({ area }: { area: Area }) {
  const { data: user } = useSession();
  if (!user || !mayUseArea(toActor(user), area)) return <ForbiddenPage />;
  return <Outlet />;
}
