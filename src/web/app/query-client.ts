import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { notifications } from '@mantine/notifications';
import { isApiError } from '../lib/api/client.js';
import { SESSION_KEY, clearSession } from '../lib/session.js';

/**
 * A 401 from any call means the session ended (expired, signed out elsewhere, password reset by
 * an admin): forget the user, and the route guard sends them to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (!isApiError(error) || error.status !== 401) return;
    if (queryClient.getQueryData(SESSION_KEY)) {
      notifications.show({ id: 'session-expired', color: 'orange', message: i18next.t('auth.sessionExpired') });
      clearSession(queryClient);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again.
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
    },
  });
  return queryClient;
}
