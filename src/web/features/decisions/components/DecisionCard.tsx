import { Anchor, Button, Stack, Table, Text } from '@mantine/core';
import { IconFileTypeDocx } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate, formatPoints } from '../../../lib/format.js';
import { decisionDocxUrl, type Decision } from '../api/decisions.js';

/** A recorded decision: its header, each product's star and certificate, and the DOCX draft. */
export function DecisionCard({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  return (
    <SectionCard
      title={t('decisions.cardTitle', { number: decision.number, date: formatDate(decision.signedOn) })}
      action={
        <Button component="a" href={decisionDocxUrl(decision.id)} download size="sm" variant="default" leftSection={<IconFileTypeDocx size={16} aria-hidden />}>
          {t('decisions.docx')}
        </Button>
      }
      data-testid="decision-card"
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {decision.signerTitle} · {decision.signer}
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossiers.fields.product')}</Table.Th>
                <Table.Th>{t('dossiers.fields.councilScore')}</Table.Th>
                <Table.Th>{t('decisions.star')}</Table.Th>
                <Table.Th>{t('decisions.certificate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {decision.items.map((item) => (
                <Table.Tr key={item.dossierId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/dossiers/${item.dossierId}`} fw={500}>
                      {item.productName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {item.subjectName}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatPoints(item.score)}</Table.Td>
                  <Table.Td>{item.star === null ? t('decisions.notRecognised') : <Stars count={item.star} size={14} />}</Table.Td>
                  <Table.Td>
                    {item.certificateId ? (
                      <Anchor component={Link} to={`/certificates/${item.certificateId}`} className="ocop-code">
                        {item.certificateNumber}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </SectionCard>
  );
}
