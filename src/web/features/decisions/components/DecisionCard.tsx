import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileTypeDocx, IconMail } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../../components/SectionCard.js';
import { Stars } from '../../../components/Stars.js';
import { formatDate, formatPoints } from '../../../lib/format.js';
import { decisionDocxUrl, resultLettersUrl, type Decision } from '../api/decisions.js';

/**
 * A recorded decision: its kind and level, header and notice, each product's star (or, for an
 * approval, its proposal for 5★) and certificate, and its documents — the decision and the letters
 * notifying the result to producers and communes (DOCX).
 */
export function DecisionCard({ decision }: { decision: Decision }) {
  const { t } = useTranslation();
  const approval = decision.kind === 'approval';
  return (
    <SectionCard
      title={t('decisions.cardTitle', { number: decision.number, date: formatDate(decision.signedOn) })}
      action={
        <Group gap="xs">
          <Button
            component="a"
            href={decisionDocxUrl(decision.id)}
            download
            size="sm"
            variant="default"
            leftSection={<IconFileTypeDocx size={16} aria-hidden />}
          >
            {t('decisions.docx')}
          </Button>
          <Button component="a" href={resultLettersUrl(decision.id)} download size="sm" variant="default" leftSection={<IconMail size={16} aria-hidden />}>
            {t('decisions.resultLetters')}
          </Button>
        </Group>
      }
      data-testid="decision-card"
      data-kind={decision.kind}
    >
      <Stack gap="sm">
        <Group gap="xs">
          <Badge color={approval ? 'yellow' : 'teal'} variant="light">
            {t(`decisions.kinds.${decision.kind}`)}
          </Badge>
          <Badge color="gray" variant="light">
            {t(`decisions.levels.${decision.level}`)}
          </Badge>
          <Text size="sm" c="dimmed">
            {decision.signerTitle} · {decision.signer}
          </Text>
        </Group>
        {decision.notice && (
          <Text size="xs" c="dimmed">
            {t('decisions.noticeValue', { number: decision.notice.number, title: decision.notice.signerTitle, name: decision.notice.signer })}
          </Text>
        )}
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dossiers.fields.product')}</Table.Th>
                <Table.Th>{decision.level === 'ministry' ? t('dossiers.fields.centralScore') : t('dossiers.fields.councilScore')}</Table.Th>
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
                  <Table.Td>{item.score === null ? '—' : t('criteria.points', { points: formatPoints(item.score) })}</Table.Td>
                  <Table.Td>
                    {approval ? t('decisions.approvalStar') : item.star === null ? t('decisions.notRecognised') : <Stars count={item.star} size={14} />}
                  </Table.Td>
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
