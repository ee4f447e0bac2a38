import { useSearchParams } from 'react-router';

/**
 * Search text, filters and page of a list page kept in the URL, so a refreshed page, a shared
 * link or the back button shows the same list. Changing anything but the page goes back to page 1.
 */
export function useListParams<K extends string>(filterKeys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const q = params.get('q') ?? '';
  const filters = Object.fromEntries(filterKeys.map((key) => [key, params.get(key)])) as Record<K, string | null>;

  /** Empty values are removed from the URL. */
  const update = (changes: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  return {
    page,
    q,
    filters,
    hasFilters: q !== '' || filterKeys.some((key) => params.get(key)),
    setQuery: (value: string) => update({ q: value.trim() }),
    setFilter: (key: K, value: string | null) => update({ [key]: value }),
    setPage: (value: number) => update({ page: value > 1 ? String(value) : null }),
    clear: () => setParams(new URLSearchParams(), { replace: true }),
  };
}

export type ListParams<K extends string> = ReturnType<typeof useListParams<K>>;
