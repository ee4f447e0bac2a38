import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Stars } from '../Stars.js';
import { formatPoints } from '../../lib/format.js';
import type { StarBand } from './criteria-tree.js';

type StarBandsProps = { bands: readonly StarBand[]; /** The band the server placed the running total in. */ current?: number | null };

/** The star bands of a version (5★ 90–100, 4★ 70 to under 90, …), the current one highlighted. */
export function StarBands({ bands, current = null }: StarBandsProps) {
  const { t } = useTranslation();
  const ordered = [...bands].sort((a, b) => b.star - a.star);
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('criteria.starBands')}>
      {ordered.map((band) => {
        const isCurrent = band.star === current;
        const range = t(band.maxInclusive ? 'criteria.bandInclusive' : 'criteria.bandExclusive', { min: formatPoints(band.min), max: formatPoints(band.max) });
        return (
          <Paper
            key={band.star}
            component="li"
            px="xs"
            py={4}
            radius="sm"
            bg={isCurrent ? 'var(--mantine-color-ocop-0)' : undefined}
            withBorder={isCurrent}
            aria-current={isCurrent ? 'true' : undefined}
          >
            <Group gap="sm" wrap="nowrap" justify="space-between">
              <Stars count={band.star} size={14} />
              <Text size="xs" fw={isCurrent ? 600 : 400} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {range}
              </Text>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
