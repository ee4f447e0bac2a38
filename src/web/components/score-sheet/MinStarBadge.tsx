import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** ★★★ / ★★★★ / ★★★★★ on an option that is the minimum requirement for that star level. */
export function MinStarBadge({ star }: { star: number }) {
  const { t } = useTranslation();
  const label = t('criteria.minStar', { count: star });
  return (
    <Tooltip label={label} withArrow>
      <Badge color="yellow" variant="light" radius="sm" aria-label={label} data-min-star={star} style={{ letterSpacing: '-0.05em' }}>
        {'★'.repeat(star)}
      </Badge>
    </Tooltip>
  );
}
