import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import { useDossiers } from '../api/dossiers.js';
import { DossierBadges } from './DossierStateBadge.js';
import { useDossierLabels } from './labels.js';

/** A product's evaluation dossiers, newest first ("Lập hồ sơ" is in the page header). */
export function ProductDossiers({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const dossiers = useDossiers({ page: 1, pageSize: 50, state: null, kind: null, roundId: null, productId });
  return (
    <SectionCard title={t('dossiers.title')}>
      <QueryView
        query={dossiers}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <Text size="sm" c="dimmed">
            {t('dossiers.productEmpty')}
          </Text>
        }
      >
        {(data) => (
          <Stack component="ul" gap={0} m={0} p={0} style={{ listStyle: 'none' }}>
            {data.items.map((dossier) => (
              <Group
                key={dossier.id}
                component="li"
                justify="space-between"
                gap="sm"
                py="xs"
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                data-testid="product-dossier"
              >
                <Stack gap={0}>
                  <Anchor component={Link} to={`/dossiers/${dossier.id}`} fw={500}>
                    {t('dossiers.rowTitle', { kind: labels.kind(dossier.kind), date: formatDate(dossier.createdAt) })}
                  </Anchor>
                  {dossier.roundName && (
                    <Text size="xs" c="dimmed">
                      {dossier.roundName}
                    </Text>
                  )}
                </Stack>
                <DossierBadges state={dossier.state} overdue={dossier.communeOverdue} />
              </Group>
            ))}
          </Stack>
        )}
      </QueryView>
    </SectionCard>
  );
}
