import { em } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

const PHONE_QUERY = `(max-width: ${em(767)})`;

/** Below Mantine's `sm` breakpoint (48em): lists become cards. Read synchronously to avoid a flash of the table. */
export function useIsPhone(): boolean {
  return useMediaQuery(PHONE_QUERY, window.matchMedia(PHONE_QUERY).matches, { getInitialValueInEffect: false });
}

const WIDE_QUERY = `(min-width: ${em(1100)})`;

/** Room for a side panel beside the content with the navigation open (a laptop or larger). */
export function useIsWide(): boolean {
  return useMediaQuery(WIDE_QUERY, window.matchMedia(WIDE_QUERY).matches, { getInitialValueInEffect: false });
}
