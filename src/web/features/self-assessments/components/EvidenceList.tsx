import { ActionIcon, Anchor, Group, Stack, Text } from '@mantine/core';
import { IconFileText, IconLink, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDeleteDialog } from '../../../components/ConfirmDeleteButton.js';
import { formatBytes } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDeleteEvidence, type Evidence } from '../api/self-assessments.js';

const evidenceName = (evidence: Evidence) => evidence.filename ?? evidence.url;

type EvidenceListProps = { sheetId: string; items: readonly Evidence[]; editable: boolean };

/** A criterion's evidence: files open from the server, links in a new tab; deletable while editable. */
export function EvidenceList({ sheetId, items, editable }: EvidenceListProps) {
  const { t } = useTranslation();
  const deleteEvidence = useDeleteEvidence(sheetId);
  const [deleting, setDeleting] = useState<Evidence | null>(null);
  if (items.length === 0) return null;

  return (
    <>
      <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('selfAssessment.evidence.title')} data-testid="evidence-list">
        {items.map((evidence) => (
          <Group key={evidence.id} component="li" gap="xs" wrap="nowrap">
            {evidence.kind === 'file' ? <IconFileText size={16} aria-hidden /> : <IconLink size={16} aria-hidden />}
            <Anchor href={evidence.url} target="_blank" rel="noopener noreferrer" size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {evidenceName(evidence)}
            </Anchor>
            {evidence.bytes !== null && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatBytes(evidence.bytes)}
              </Text>
            )}
            {editable && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                className="print-hidden"
                aria-label={t('selfAssessment.evidence.delete', { name: evidenceName(evidence) })}
                onClick={() => setDeleting(evidence)}
              >
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
      </Stack>
      <ConfirmDeleteDialog
        opened={deleting !== null}
        title={t('selfAssessment.evidence.deleteTitle')}
        body={t('selfAssessment.evidence.deleteBody', { name: deleting ? evidenceName(deleting) : '' })}
        onClose={() => setDeleting(null)}
        onConfirm={() =>
          deleting
            ? deleteEvidence.mutateAsync(deleting.id, {
                onSuccess: () => notifySuccess(t('selfAssessment.evidence.deleted')),
                onError: (error) => reportMutationError(error),
              })
            : Promise.resolve()
        }
      />
    </>
  );
}
