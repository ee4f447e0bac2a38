import { em } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

const PHONE_QUERY = `(max-width: ${em(767)})`;

/** Below Mantine's `sm` breakpoint (48em): lists become cards. Read synchronously to avoid a flash of the table. */
export function useIsPhone(): boolean {
  return useMediaQuery(PHONE_QUERY, window.matchMedia(PHONE_QUERY).matches, { getInitialValueInEffect: false });
}
