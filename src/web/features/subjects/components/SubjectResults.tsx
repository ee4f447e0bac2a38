import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatNumber, orDash } from '../../../lib/format.js';
import type { Subject } from '../api/subjects.js';
import { useSubjectLabels } from './labels.js';
import { SubjectStatusBadge } from './SubjectStatusBadge.js';
import { CommuneName } from './CommuneName.js';

export function SubjectTable({ subjects }: { subjects: readonly Subject[] }) {
  const { t } = useTranslation();
  const labels = useSubjectLabels();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('subjects.fields.name')}</Table.Th>
            <Table.Th>{t('subjects.fields.legalForm')}</Table.Th>
            <Table.Th>{t('subjects.fields.communeCode')}</Table.Th>
            <Table.Th>{t('subjects.fields.representativeName')}</Table.Th>
            <Table.Th ta="right">{t('subjects.fields.productCount')}</Table.Th>
            <Table.Th>{t('subjects.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {subjects.map((subject) => (
            <Table.Tr key={subject.id} className="clickable-row" onClick={() => void navigate(`/subjects/${subject.id}`)}>
              <Table.Td>
                <Anchor component={Link} to={`/subjects/${subject.id}`} fw={500} onClick={(event) => event.stopPropagation()}>
                  {subject.name}
                </Anchor>
                {subject.externalCode && (
                  <Text size="xs" c="dimmed">
                    {subject.externalCode}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{labels.legalForm(subject.legalForm)}</Table.Td>
              <Table.Td>
                <CommuneName name={subject.communeName} />
              </Table.Td>
              <Table.Td>{orDash(subject.representativeName)}</Table.Td>
              <Table.Td ta="right">{formatNumber(subject.productCount)}</Table.Td>
              <Table.Td>
                <SubjectStatusBadge status={subject.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The phone layout of the list: one card per subject. */
export function SubjectCards({ subjects }: { subjects: readonly Subject[] }) {
  const { t } = useTranslation();
  const labels = useSubjectLabels();
  return (
    <Stack gap="sm">
      {subjects.map((subject) => (
        <Card key={subject.id} withBorder padding="md" component="article">
          <Anchor component={Link} to={`/subjects/${subject.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
            {subject.name}
          </Anchor>
          <Text size="sm" c="dimmed" mt={4}>
            {labels.legalForm(subject.legalForm)} · <CommuneName name={subject.communeName} />
          </Text>
          <Text size="sm" mt={4}>
            {orDash(subject.representativeName)}
          </Text>
          <Group justify="space-between" mt="xs">
            <SubjectStatusBadge status={subject.status} />
            <Text size="sm" c="dimmed">
              {t('subjects.fields.productCount')}: {formatNumber(subject.productCount)}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
