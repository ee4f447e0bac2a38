import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { CalendarOverride as OverrideSchema, CalendarYear as CalendarYearSchema, type CalendarOverrideBody } from '../../../../contracts/calendar.js';
import { apiRequest } from '../../../lib/api/client.js';

export type CalendarYear = z.infer<typeof CalendarYearSchema>;
export type CalendarDayOff = CalendarYear['daysOff'][number];
export type CalendarOverride = z.infer<typeof OverrideSchema>;
export type CalendarOverrideInput = z.output<typeof CalendarOverrideBody>;

const calendarKey = (year: number) => ['calendar', year] as const;

/** A year's days off (holidays computed, Tết and Giỗ Tổ from the lunar calendar; moved days applied) and the moved days themselves. */
export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKey(year),
    queryFn: ({ signal }) => apiRequest('/calendar', { query: { year }, schema: CalendarYearSchema, signal }),
    staleTime: 60_000,
  });
}

/** A moved day changes that year's days off; deadlines computed from now on follow it. */
export function useAddCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarOverrideInput) => apiRequest('/calendar/days', { method: 'POST', body, schema: OverrideSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useRemoveCalendarDay() {
  const queryClient = useQueryClient();
  return useMutation({
    // 204: no body to parse.
    mutationFn: (id: string) => apiRequest(`/calendar/days/${id}`, { method: 'DELETE', schema: z.null() }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
