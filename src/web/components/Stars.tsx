import { Group } from '@mantine/core';
import { IconStar, IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type StarsProps = { count: number; size?: number; testId?: string };

const MAX_STARS = 5;

/** A star level as five star icons, filled up to `count`; screen readers hear "3 sao". */
export function Stars({ count, size = 18, testId }: StarsProps) {
  const { t } = useTranslation();
  return (
    <Group
      component="span"
      gap={2}
      wrap="nowrap"
      display="inline-flex"
      role="img"
      aria-label={t('stars.count', { count })}
      data-testid={testId}
      data-stars={count}
    >
      {Array.from({ length: MAX_STARS }, (_, i) =>
        i < count ? (
          <IconStarFilled key={i} size={size} color="var(--mantine-color-yellow-6)" aria-hidden />
        ) : (
          <IconStar key={i} size={size} color="var(--mantine-color-gray-4)" aria-hidden />
        ),
      )}
    </Group>
  );
}
