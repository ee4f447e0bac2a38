import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/SectionCard.js';
import { sectorText } from '../../../components/score-sheet/index.js';
import { formatDate, formatPoints } from '../../../lib/format.js';
import { useLanguage } from '../../../lib/i18n/index.js';
import type { CriteriaVersion } from '../api/criteria.js';
import { productGroupOf } from './product-group.js';

type SetSummary = CriteriaVersion['sets'][number];

function bySector(sets: readonly SetSummary[], lang: 'vi' | 'en'): [string, SetSummary[]][] {
  const groups = new Map<string, SetSummary[]>();
  for (const set of sets) {
    const sector = sectorText(set, lang);
    groups.set(sector, [...(groups.get(sector) ?? []), set]);
  }
  return [...groups];
}

/** One criteria version: its decision, dates, part maxima and links to each set's readable sheet. */
export function VersionCard({ version }: { version: CriteriaVersion }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <SectionCard
      title={version.legalBasis}
      data-testid="criteria-version"
      action={
        <Group gap="xs">
          {version.inForce && <Badge color="teal">{t('criteria.inForce')}</Badge>}
          {version.source === 'import' && <Badge color="gray">{t('criteria.imported')}</Badge>}
        </Group>
      }
    >
      <Stack gap="md">
        <Stack gap={2}>
          <Text size="sm">{version.title}</Text>
          <Text size="xs" c="dimmed">
            {t('criteria.effectiveFrom', { date: formatDate(version.effectiveFrom) })} ·{' '}
            {t('criteria.partMaxima', { A: formatPoints(version.partMaxima.A), B: formatPoints(version.partMaxima.B), C: formatPoints(version.partMaxima.C) })}{' '}
            · {t('criteria.setCount', { count: version.sets.length })}
          </Text>
        </Stack>
        {bySector(version.sets, lang).map(([sector, sets]) => (
          <Stack key={sector} gap={6}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase">
              {sector}
            </Text>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" verticalSpacing={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {sets.map((set) => (
                <li key={set.number}>
                  <Anchor component={Link} to={`/criteria/${version.slug}/${set.number}`} size="sm" fw={500}>
                    {set.number}. {set.name}
                  </Anchor>
                  {productGroupOf(set) && (
                    <Text size="xs" c="dimmed" span>
                      {' '}
                      · {productGroupOf(set)}
                    </Text>
                  )}
                </li>
              ))}
            </SimpleGrid>
          </Stack>
        ))}
      </Stack>
    </SectionCard>
  );
}
