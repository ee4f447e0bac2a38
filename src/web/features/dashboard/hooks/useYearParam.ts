import { useSearchParams } from 'react-router';
import { todayInVietnam } from '../../../lib/format.js';

/** The first year the programme has figures for. */
const FIRST_YEAR = 2019;

/**
 * The year in the URL (?year=2024), so a shared link or a refresh shows the same figures; this year
 * in Vietnam without one. `ahead` more years are offered beyond it (next year's plan). Also the years
 * to choose from, newest first.
 */
export function useYearParam({ ahead = 0 }: { ahead?: number } = {}): { year: number; setYear: (year: number) => void; years: string[] } {
  const [params, setParams] = useSearchParams();
  const now = Number(todayInVietnam().slice(0, 4));
  const latest = now + ahead;
  const parsed = Number.parseInt(params.get('year') ?? '', 10);
  const year = Number.isInteger(parsed) && parsed >= FIRST_YEAR && parsed <= latest ? parsed : now;
  const setYear = (value: number) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value === now) next.delete('year');
        else next.set('year', String(value));
        return next;
      },
      { replace: true },
    );
  const years = Array.from({ length: latest - FIRST_YEAR + 1 }, (_, i) => String(latest - i));
  return { year, setYear, years };
}
