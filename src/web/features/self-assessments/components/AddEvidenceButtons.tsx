import { Button, FileButton, Group, Modal, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLink, IconNote, IconPaperclip } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EvidenceLinkBody } from '../../../../contracts/self-assessments.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useAddEvidenceLink, useUploadEvidence } from '../api/self-assessments.js';

/** What the server accepts (it checks the content too). */
const ACCEPTED_FILES = '.pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,application/pdf,image/jpeg,image/png,image/webp';

type LinkForm = { url: string };

function AddLinkDialog({ sheetId, criterionCode, opened, onClose }: { sheetId: string; criterionCode: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const addLink = useAddEvidenceLink(sheetId);
  const form = useForm<LinkForm, unknown, { criterionCode: string; url: string }>({
    resolver: contractResolver(EvidenceLinkBody, (values: LinkForm) => ({ criterionCode, url: values.url.trim() })),
    defaultValues: { url: '' },
  });
  useMessagesFollowLanguage(form);
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.handleSubmit(async (body) => {
    try {
      await addLink.mutateAsync(body);
      notifySuccess(t('selfAssessment.evidence.added'));
      close();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('selfAssessment.evidence.linkTitle', { code: criterionCode })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput
            label={t('selfAssessment.evidence.url')}
            placeholder="https://"
            type="url"
            data-autofocus
            {...form.register('url')}
            error={form.formState.errors.url?.message}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.formState.isSubmitting}>
              {t('selfAssessment.evidence.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type AddEvidenceButtonsProps = { sheetId: string; criterionCode: string; noteOpen: boolean; onOpenNote: () => void };

/** The editing row under a criterion: open its note, attach a file, attach a link. */
export function AddEvidenceButtons({ sheetId, criterionCode, noteOpen, onOpenNote }: AddEvidenceButtonsProps) {
  const { t } = useTranslation();
  const upload = useUploadEvidence(sheetId, criterionCode);
  const [linkOpened, link] = useDisclosure(false);

  const onFile = (file: File | null) => {
    if (!file) return;
    upload.mutate(file, { onSuccess: () => notifySuccess(t('selfAssessment.evidence.added')), onError: (error) => reportMutationError(error) });
  };

  return (
    <Stack gap={4} className="print-hidden">
      <Group gap={4}>
        {!noteOpen && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="gray"
            leftSection={<IconNote size={14} aria-hidden />}
            onClick={onOpenNote}
            aria-label={t('selfAssessment.criterion.addNoteFor', { code: criterionCode })}
          >
            {t('selfAssessment.criterion.addNote')}
          </Button>
        )}
        <FileButton onChange={onFile} accept={ACCEPTED_FILES} disabled={upload.isPending}>
          {(props) => (
            <Button
              {...props}
              size="compact-sm"
              variant="subtle"
              color="gray"
              leftSection={<IconPaperclip size={14} aria-hidden />}
              loading={upload.isPending}
              aria-label={t('selfAssessment.evidence.addFileFor', { code: criterionCode })}
            >
              {t('selfAssessment.evidence.addFile')}
            </Button>
          )}
        </FileButton>
        <Button
          size="compact-sm"
          variant="subtle"
          color="gray"
          leftSection={<IconLink size={14} aria-hidden />}
          onClick={link.open}
          aria-label={t('selfAssessment.evidence.addLinkFor', { code: criterionCode })}
        >
          {t('selfAssessment.evidence.addLink')}
        </Button>
      </Group>
      {upload.isPending && (
        <Stack gap={2} role="status">
          <Progress value={upload.progress} size="sm" animated aria-hidden />
          <Text size="xs" c="dimmed">
            {t('selfAssessment.evidence.uploading', { percent: upload.progress })}
          </Text>
        </Stack>
      )}
      {linkOpened && <AddLinkDialog sheetId={sheetId} criterionCode={criterionCode} opened onClose={link.close} />}
    </Stack>
  );
}
