import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDate } from '../../../lib/format.js';
import type { Dossier } from '../api/dossiers.js';
import { DeadlineCell, OverdueCell } from './DossierDeadline.js';
import { DossierStateBadge } from './DossierStateBadge.js';
import { useDossierLabels } from './labels.js';

/**
 * The desktop list. Seven columns fit the content width beside the navigation at 1280 px (the round
 * goes under the kind), so the last one, "updated", is not cut off behind a horizontal scroll.
 */
export function DossierTable({ dossiers }: { dossiers: readonly Dossier[] }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('dossiers.fields.product')}</Table.Th>
            <Table.Th>{t('dossiers.fields.subject')}</Table.Th>
            <Table.Th>{t('dossiers.fields.kind')}</Table.Th>
            <Table.Th>{t('dossiers.fields.state')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('dossierWork.list.deadline')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('dossierWork.list.overdue')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('dossiers.fields.updatedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dossiers.map((dossier) => (
            <Table.Tr key={dossier.id} className="clickable-row" onClick={() => void navigate(`/dossiers/${dossier.id}`)} data-testid="dossier-row">
              <Table.Td>
                <Anchor component={Link} to={`/dossiers/${dossier.id}`} fw={500} onClick={(event) => event.stopPropagation()}>
                  {dossier.productName}
                </Anchor>
                <Text size="xs" c="dimmed" className="ocop-code">
                  {dossier.ocopCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{dossier.subjectName}</Text>
                <Text size="xs" c="dimmed">
                  {dossier.communeName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{labels.kind(dossier.kind)}</Text>
                {dossier.roundName && (
                  <Text size="xs" c="dimmed">
                    {dossier.roundName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DossierStateBadge state={dossier.state} />
              </Table.Td>
              <Table.Td>
                <DeadlineCell deadline={dossier.deadline} />
              </Table.Td>
              <Table.Td>
                <OverdueCell deadline={dossier.deadline} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(dossier.updatedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The phone layout of the list: one card per dossier. */
export function DossierCards({ dossiers }: { dossiers: readonly Dossier[] }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  return (
    <Stack gap="sm">
      {dossiers.map((dossier) => (
        <Card key={dossier.id} withBorder padding="sm" component="article" data-testid="dossier-row">
          <Stack gap={4}>
            <Anchor component={Link} to={`/dossiers/${dossier.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
              {dossier.productName}
            </Anchor>
            <Text size="xs" c="dimmed">
              {dossier.subjectName} · {dossier.communeName}
            </Text>
            <Text size="xs">
              {labels.kind(dossier.kind)}
              {dossier.roundName ? ` · ${dossier.roundName}` : ''}
            </Text>
            {dossier.deadline && (
              <Text size="xs" c={dossier.deadline.overdue ? 'red.8' : undefined} fw={dossier.deadline.overdue ? 600 : undefined}>
                {t('dossierWork.list.dueOn', { date: formatDate(dossier.deadline.dueOn) })} · {t(`dossierWork.list.rules.${dossier.deadline.rule}`)}
              </Text>
            )}
            <Group gap="xs" mt={4} justify="space-between">
              <Group gap={6}>
                <DossierStateBadge state={dossier.state} />
                {dossier.deadline?.overdue && <OverdueCell deadline={dossier.deadline} />}
              </Group>
              <Text size="xs" c="dimmed">
                {formatDate(dossier.updatedAt)}
              </Text>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
