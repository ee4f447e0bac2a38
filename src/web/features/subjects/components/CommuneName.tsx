import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A producer's commune, or a flag where it is unknown: a producer imported from records naming no
 * commune, which the OCOP office has still to place.
 */
export function CommuneName({ name }: { name: string | null }) {
  const { t } = useTranslation();
  if (name !== null) return <>{name}</>;
  return (
    <Badge color="yellow" variant="light" component="span">
      {t('subjects.communeUnknown')}
    </Badge>
  );
}
