import { Anchor, Card, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Stars } from '../../../components/Stars.js';
import { formatPoints } from '../../../lib/format.js';
import { useIsPhone } from '../../../lib/responsive.js';
import type { Dossier } from '../../dossiers/index.js';
import { outcomeOf, recognisableStars, restsOnCentral, type DecisionMode, type RecognisedStar } from './recognition.js';

export type ItemChoice = { include: boolean; star: RecognisedStar | null };
const NOT_RECOGNISED = 'none';

type ItemsProps = {
  mode: DecisionMode;
  dossiers: readonly Dossier[];
  choices: Record<string, ItemChoice>;
  errors: Record<string, string>;
  onChange: (dossierId: string, choice: ItemChoice) => void;
};

const asStar = (value: string | null): RecognisedStar | null => (value === '5' ? 5 : value === '4' ? 4 : value === '3' ? 3 : null);

/** The star to recognise, within what the result allows; an approval names none (the ministry recognises 5★). */
function StarSelect({
  mode,
  dossier,
  choice,
  error,
  onChange,
}: {
  mode: DecisionMode;
  dossier: Dossier;
  choice: ItemChoice;
  error: string | undefined;
  onChange: (choice: ItemChoice) => void;
}) {
  const { t } = useTranslation();
  if (mode === 'approval')
    return (
      <Stack gap={2}>
        <Text size="sm" data-testid="approval-star">
          {t('decisions.approvalStar')}
        </Text>
        {error && (
          <Text size="xs" c="red.8" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    );
  const options = [
    ...recognisableStars(mode, outcomeOf(dossier)).map((star) => ({ value: String(star), label: t('stars.count', { count: star }) })),
    { value: NOT_RECOGNISED, label: t('decisions.notRecognised') },
  ];
  return (
    <Select
      aria-label={t('decisions.starFor', { name: dossier.productName })}
      data={options}
      allowDeselect={false}
      disabled={!choice.include}
      value={choice.star === null ? NOT_RECOGNISED : String(choice.star)}
      onChange={(value) => onChange({ ...choice, star: asStar(value) })}
      error={error}
      w={{ base: '100%', sm: 200 }}
    />
  );
}

/** The result the decision rests on: the provincial council's, or the central council's for the ministry and after it. */
function Score({ dossier }: { dossier: Dossier }) {
  const { t } = useTranslation();
  const central = restsOnCentral(dossier);
  const { score, star } = outcomeOf(dossier);
  if (score === null) return <>—</>;
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {t('criteria.points', { points: formatPoints(score) })}
      </Text>
      {/* The council's star after its minimum-star gates. */}
      {star !== null && star > 0 && <Stars count={star} size={12} />}
      {central && (
        <Text size="xs" c="dimmed">
          {t('decisions.centralResult')}
        </Text>
      )}
    </Stack>
  );
}

/** The dossiers waiting for this kind of decision, each with "include" and the star to recognise (within its band). */
export function DecisionItems({ mode, dossiers, choices, errors, onChange }: ItemsProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const include = (dossier: Dossier, choice: ItemChoice) => (
    <Checkbox
      aria-label={t('decisions.include', { name: dossier.productName })}
      checked={choice.include}
      onChange={(event) => onChange(dossier.id, { ...choice, include: event.currentTarget.checked })}
    />
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
                  <StarSelect mode={mode} dossier={dossier} choice={choice} error={errors[dossier.id]} onChange={(next) => onChange(dossier.id, next)} />
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
            <Table.Th>{mode === 'ministry' ? t('dossiers.fields.centralScore') : t('dossiers.fields.councilScore')}</Table.Th>
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
                  <StarSelect mode={mode} dossier={dossier} choice={choice} error={errors[dossier.id]} onChange={(next) => onChange(dossier.id, next)} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
