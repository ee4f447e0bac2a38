import { Anchor, Card, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MINISTRY_THRESHOLD } from '../../../../domain/evaluation/dossier-workflow.js';
import { starForTotal } from '../../../../domain/scoring/bands.js';
import { Stars } from '../../../components/Stars.js';
import { formatPoints } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/responsive.js';
import type { Dossier } from '../../dossiers/index.js';
import { recognisableStars, type ProvinceStar } from './recognition.js';

export type ItemChoice = { include: boolean; star: ProvinceStar | null };
const NOT_RECOGNISED = 'none';

type ItemsProps = {
  dossiers: readonly Dossier[];
  choices: Record<string, ItemChoice>;
  errors: Record<string, string>;
  onChange: (dossierId: string, choice: ItemChoice) => void;
};

function StarSelect({ dossier, choice, error, onChange }: { dossier: Dossier; choice: ItemChoice; error: string | undefined; onChange: (choice: ItemChoice) => void }) {
  const { t } = useTranslation();
  const options = [
    ...recognisableStars(dossier).map((star) => ({ value: String(star), label: t('stars.count', { count: star }) })),
    { value: NOT_RECOGNISED, label: t('decisions.notRecognised') },
  ];
  return (
    <Select
      aria-label={t('decisions.starFor', { name: dossier.productName })}
      data={options}
      allowDeselect={false}
      disabled={!choice.include}
      value={choice.star === null ? NOT_RECOGNISED : String(choice.star)}
      onChange={(value) => onChange({ ...choice, star: value === '4' ? 4 : value === '3' ? 3 : null })}
      error={error}
      w={{ base: '100%', sm: 200 }}
    />
  );
}

function Score({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  if (dossier.councilScore === null) return <>—</>;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t('criteria.points', { points: formatPoints(dossier.councilScore) })}
      </Text>
      {/* The council's star after its minimum-star gates; for a paper result, the band of the score. */}
      <Stars count={dossier.councilStar ?? starForTotal(dossier.councilScore)} size={12} />
      {dossier.councilScore >= MINISTRY_THRESHOLD && (
        <Text size="xs" c="dimmed" maw={260}>
          {t('decisions.ministryHint', { points: MINISTRY_THRESHOLD })}
        </Text>
      )}
    </Stack>
  );
}

/** The scored dossiers, each with "include" and the star to recognise (within its band). */
export function DecisionItems({ dossiers, choices, errors, onChange }: ItemsProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const include = (dossier: Dossier, choice: ItemChoice) => (
    <Checkbox aria-label={t('decisions.include', { name: dossier.productName })} checked={choice.include} onChange={(event) => onChange(dossier.id, { ...choice, include: event.currentTarget.checked })} />
  );
  const product = (dossier: Dossier) => (
    <Stack gap={0}>
      <Anchor component={Link} to={`/dossiers/${dossier.id}`} fw={500}>
        {dossier.productName}
      </Anchor>
      <Text size="xs" c="dimmed">
        {dossier.subjectName} · {dossier.ocopCode}
      </Text>
    </Stack>
  );

  if (isPhone)
    return (
      <Stack gap="sm">
        {dossiers.map((dossier) => {
          const choice = choices[dossier.id] ?? { include: false, star: null };
          return (
            <Card key={dossier.id} withBorder padding="sm" data-testid="decision-item">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                {include(dossier, choice)}
                <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                  {product(dossier)}
                  <Score dossier={dossier} />
                  <StarSelect dossier={dossier} choice={choice} error={errors[dossier.id]} onChange={(next) => onChange(dossier.id, next)} />
                </Stack>
              </Group>
            </Card>
          );
        })}
      </Stack>
    );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('dossiers.fields.product')}</Table.Th>
            <Table.Th>{t('dossiers.fields.councilScore')}</Table.Th>
            <Table.Th>{t('decisions.star')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dossiers.map((dossier) => {
            const choice = choices[dossier.id] ?? { include: false, star: null };
            return (
              <Table.Tr key={dossier.id} data-testid="decision-item">
                <Table.Td>{include(dossier, choice)}</Table.Td>
                <Table.Td>{product(dossier)}</Table.Td>
                <Table.Td>
                  <Score dossier={dossier} />
                </Table.Td>
                <Table.Td>
                  <StarSelect dossier={dossier} choice={choice} error={errors[dossier.id]} onChange={(next) => onChange(dossier.id, next)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
