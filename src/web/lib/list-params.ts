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

  const update = (changes: Partial<Record<K | 'q' | 'page', string | null>>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes) as [string, string | null][]) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  const hasFilters = q !== '' || filterKeys.some((key) => params.get(key));

  return {
    page,
    q,
    filters,
    hasFilters,
    setQuery: (value: string) => update({ q: value.trim() } as Partial<Record<K | 'q' | 'page', string | null>>),
    setFilter: (key: K, value: string | null) => update({ [key]: value } as Partial<Record<K | 'q' | 'page', string | null>>),
    setPage: (value: number) => update({ page: value > 1 ? String(value) : null } as Partial<Record<K | 'q' | 'page', string | null>>),
    clear: () => setParams(new URLSearchParams(), { replace: true }),
  };
}

export type ListParams<K extends string> = ReturnType<typeof useListParams<K>>;
