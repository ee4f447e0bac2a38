import { IconLock } from '@tabler/icons-react';

/** A Select the user may see but not change: grey, with a lock where the chevron would be. */
export function readOnlySelectProps(readOnly: boolean) {
  return readOnly
    ? { readOnly: true, variant: 'filled' as const, rightSection: <IconLock size={14} aria-hidden />, rightSectionPointerEvents: 'none' as const }
    : {};
}
