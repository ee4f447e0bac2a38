import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Stars } from '../../../components/Stars.js';
import { formatDate } from '../../../lib/format.js';
import type { Certificate } from '../api/certificates.js';
import { CertificateStatusBadge } from '../../../components/CertificateStatusBadge.js';

export function CertificateTable({ certificates }: { certificates: readonly Certificate[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certificates.fields.number')}</Table.Th>
            <Table.Th>{t('certificates.fields.product')}</Table.Th>
            <Table.Th>{t('certificates.fields.star')}</Table.Th>
            <Table.Th>{t('certificates.fields.validity')}</Table.Th>
            <Table.Th>{t('certificates.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.map((c) => (
            <Table.Tr key={c.id} className="clickable-row" onClick={() => void navigate(`/certificates/${c.id}`)} data-testid="certificate-row">
              <Table.Td>
                <Anchor component={Link} to={`/certificates/${c.id}`} className="ocop-code" fw={500} onClick={(event) => event.stopPropagation()}>
                  {c.number}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {c.productName}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.subjectName} · {c.communeName}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stars count={c.star} size={14} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDate(c.issuedOn)} – {formatDate(c.expiresOn)}
              </Table.Td>
              <Table.Td>
                <CertificateStatusBadge status={c.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The phone layout of the list: one card per certificate. */
export function CertificateCards({ certificates }: { certificates: readonly Certificate[] }) {
  return (
    <Stack gap="sm">
      {certificates.map((c) => (
        <Card key={c.id} withBorder padding="sm" component="article" data-testid="certificate-row">
          <Stack gap={4}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Anchor component={Link} to={`/certificates/${c.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                {c.productName}
              </Anchor>
              <Stars count={c.star} size={14} />
            </Group>
            <Text size="xs" c="dimmed">
              {c.subjectName}
            </Text>
            <Text size="xs" className="ocop-code">
              {c.number}
            </Text>
            <Group justify="space-between" gap="xs">
              <CertificateStatusBadge status={c.status} />
              <Text size="xs" c="dimmed">
                {formatDate(c.issuedOn)} – {formatDate(c.expiresOn)}
              </Text>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
