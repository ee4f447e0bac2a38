import { ActionIcon, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconFileText, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../../../lib/format.js';
import { reportMutationError } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useIsPhone } from '../../../lib/responsive.js';
import { useReopenSheet, type SessionDossier } from '../api/councils.js';

type SheetRow = NonNullable<SessionDossier['sheets']>[number];

function ReopenDialog({ sessionId, sheet, onClose }: { sessionId: string; sheet: SheetRow | null; onClose: () => void }) {
  const { t } = useTranslation();
  const reopen = useReopenSheet(sessionId);
  const [reason, setReason] = useState('');
  const submit = () => {
    if (!sheet) return;
    reopen.mutate(
      { sheetId: sheet.id, reason },
      {
        onSuccess: () => {
          notifySuccess(t('councils.sheets.reopened', { name: sheet.memberName }));
          setReason('');
          onClose();
        },
        onError: (error) => reportMutationError(error),
      },
    );
  };
  return (
    <Modal
      opened={sheet !== null}
      onClose={onClose}
      title={t('councils.sheets.reopenTitle', { name: sheet?.memberName ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('councils.sheets.reopenText')}</Text>
        <Textarea
          label={t('councils.sheets.reason')}
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" onClick={submit} disabled={reason.trim() === ''} loading={reopen.isPending}>
            {t('councils.sheets.reopen')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

type SheetsTableProps = {
  sessionId: string;
  sheets: readonly SheetRow[];
  mayReopen: boolean;
  /** Once the session is closed, each sheet's total and the scans of paper sheets; before, only who has submitted. */
  closed: boolean;
};

/** The sheets of the current scoring round: who has submitted, on paper or not; their totals and scans once the session is closed. */
export function SheetsTable({ sessionId, sheets, mayReopen, closed }: SheetsTableProps) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [reopening, setReopening] = useState<SheetRow | null>(null);
  if (sheets.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('councils.sheets.none')}
      </Text>
    );
  return (
    <>
      <Table.ScrollContainer minWidth={300}>
        <Table verticalSpacing={6} horizontalSpacing="xs" data-testid="sheets-table" data-closed={closed ? 'yes' : 'no'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('councils.sheets.member')}</Table.Th>
              <Table.Th>{t('councils.sheets.status')}</Table.Th>
              {closed && <Table.Th ta="right">{t('councils.sheets.total')}</Table.Th>}
              {mayReopen && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sheets.map((sheet) => (
              <Table.Tr key={sheet.id} data-testid="sheet-row">
                <Table.Td>{sheet.memberName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge color={sheet.status === 'submitted' ? 'teal' : 'orange'}>{t(`councils.sheetStatuses.${sheet.status}`)}</Badge>
                    {sheet.paper && (
                      <Badge color="gray" variant="outline">
                        {t('councils.sheets.paper')}
                      </Badge>
                    )}
                    {sheet.scanUrl && (
                      <Anchor
                        href={sheet.scanUrl}
                        target="_blank"
                        rel="noopener noreferrer"
                        size="sm"
                        aria-label={t('councils.sheets.scanFor', { name: sheet.memberName })}
                        data-testid="sheet-scan"
                      >
                        <Group gap={2} wrap="nowrap" component="span">
                          <IconFileText size={14} aria-hidden />
                          {t('councils.sheets.scan')}
                        </Group>
                      </Anchor>
                    )}
                  </Group>
                </Table.Td>
                {closed && (
                  <Table.Td ta="right" fw={600} data-testid="sheet-total">
                    {formatPoints(sheet.total)}
                  </Table.Td>
                )}
                {mayReopen && (
                  <Table.Td ta="right">
                    {sheet.status === 'submitted' &&
                      (isPhone ? (
                        <ActionIcon
                          variant="subtle"
                          color="orange"
                          onClick={() => setReopening(sheet)}
                          aria-label={t('councils.sheets.reopenFor', { name: sheet.memberName })}
                        >
                          <IconLockOpen size={16} aria-hidden />
                        </ActionIcon>
                      ) : (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="orange"
                          leftSection={<IconLockOpen size={14} aria-hidden />}
                          onClick={() => setReopening(sheet)}
                          aria-label={t('councils.sheets.reopenFor', { name: sheet.memberName })}
                        >
                          {t('councils.sheets.reopen')}
                        </Button>
                      ))}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ReopenDialog sessionId={sessionId} sheet={reopening} onClose={() => setReopening(null)} />
    </>
  );
}
