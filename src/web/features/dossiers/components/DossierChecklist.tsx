import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryView } from '../../../components/QueryView.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatDate } from '../../../lib/format.js';
import { useLabel } from '../../../lib/i18n/index.js';
import { useChecklist } from '../api/dossiers.js';

const STATUS_ICON = {
  ok: <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden />,
  expired: <IconAlertTriangle size={18} color="var(--mantine-color-orange-7)" aria-hidden />,
  missing: <IconCircleDashed size={18} color="var(--mantine-color-gray-5)" aria-hidden />,
} as const;

/**
 * Papers filed with the dossier (Art. 6): each required or optional line, and the documents on file
 * for it; a line whose absence disqualifies the dossier says so.
 */
export function DossierChecklist({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  const checklist = useChecklist(dossierId);
  return (
    <SectionCard
      title={t('dossiers.sections.papers')}
      action={
        checklist.data && (
          <Badge color={checklist.data.complete ? 'teal' : 'orange'}>
            {t(checklist.data.complete ? 'dossiers.papers.complete' : 'dossiers.papers.incomplete')}
          </Badge>
        )
      }
      data-testid="dossier-papers"
    >
      <QueryView query={checklist}>
        {(data) => (
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
            {data.lines.map((line) => (
              <Group
                key={line.type}
                component="li"
                gap="xs"
                wrap="nowrap"
                align="flex-start"
                data-testid="paper-line"
                data-status={line.status}
                data-disqualifying={line.disqualifying || undefined}
              >
                {STATUS_ICON[line.status]}
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={line.required ? 600 : 400}>
                    {label(line.label)}
                    {line.required && (
                      <Text span c="red.7" inherit>
                        {' '}
                        *
                      </Text>
                    )}
                  </Text>
                  <Text size="xs" c={line.status === 'ok' ? 'dimmed' : line.status === 'expired' ? 'orange.8' : line.disqualifying ? 'red.8' : 'dimmed'}>
                    {t(`dossiers.papers.${line.status}`)}
                    {line.note ? ` · ${label(line.note)}` : line.disqualifying ? ` · ${t('dossiers.papers.disqualifying')}` : ''}
                  </Text>
                  {line.documents.map((document) => (
                    <Anchor key={document.id} href={document.url} target="_blank" rel="noopener noreferrer" size="xs" style={{ overflowWrap: 'anywhere' }}>
                      {document.title}
                      {document.validUntil ? ` (${t('dossiers.papers.validUntil', { date: formatDate(document.validUntil) })})` : ''}
                    </Anchor>
                  ))}
                </Stack>
              </Group>
            ))}
          </Stack>
        )}
      </QueryView>
    </SectionCard>
  );
}
