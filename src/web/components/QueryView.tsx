import type { ReactNode } from 'react';
import { PageLoader } from './PageLoader.js';
import { QueryError } from './QueryError.js';

/** What QueryView reads of a load: a TanStack `useQuery` result is one, so is any hook shaped like it. */
export type Loadable<T> = { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };

type QueryViewProps<T> = {
  query: Loadable<T>;
  /** Shown instead of the content when the loaded data holds nothing (with `empty`). */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  /** The content, once the data is there. */
  children: (data: T) => ReactNode;
};

/**
 * The states of a load, drawn the same way on every page: a loader while pending, the error with a
 * retry when it failed, the empty state when there is nothing, and the content otherwise.
 */
export function QueryView<T>({ query, isEmpty, empty, children }: QueryViewProps<T>) {
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  // Neither pending nor failed: the load has its data (which may itself be null).
  const data = query.data as T;
  if (isEmpty?.(data)) return <>{empty}</>;
  return <>{children(data)}</>;
}
