import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconInfoCircle } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { SessionCreateBody } from '../../../../contracts/councils.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { todayInVietnam } from '../../../lib/format.js';
import { contractResolver, reportMutationError, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDossiers } from '../../dossiers/index.js';
import { useCreateSession, type Council } from '../api/councils.js';
import { useCouncilLabels } from './labels.js';

type SessionForm = { title: string; heldOn: string | null; mode: 'meeting' | 'written'; writtenDeadline: string | null; dossierIds: string[] };

function SessionFormBody({ council, onClose }: { council: Council; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useCouncilLabels();
  const navigate = useNavigate();
  const create = useCreateSession(council.id);
  // A provincial council scores the dossiers sent to it; the central council those before it at the ministry.
  const dossiers = useDossiers({
    page: 1,
    pageSize: 200,
    state: council.level === 'ministry' ? 'in_central_council' : 'in_council',
    kind: null,
    roundId: null,
  });
  const form = useForm<SessionForm, unknown, z.output<typeof SessionCreateBody>>({
    resolver: contractResolver(SessionCreateBody, (values: SessionForm) => ({
      ...values,
      writtenDeadline: values.mode === 'written' ? (values.writtenDeadline ?? undefined) : undefined,
    })),
    defaultValues: { title: '', heldOn: todayInVietnam(), mode: 'meeting', writtenDeadline: null, dossierIds: [] },
  });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);
  const mode = form.watch('mode');

  const submit = form.handleSubmit(async (body) => {
    try {
      const session = await create.mutateAsync(body);
      notifySuccess(t('councils.session.created'));
      onClose();
      void navigate(`/council-sessions/${session.id}`);
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="session-form">
      <Stack gap="sm">
        <TextInput
          label={t('councils.session.title')}
          placeholder={t('councils.session.titlePlaceholder')}
          required
          error={errors.title?.message}
          {...form.register('title')}
        />
        <Controller
          control={form.control}
          name="heldOn"
          render={({ field }) => (
            <DateInput
              label={t('councils.session.heldOn')}
              description={t('councils.session.heldOnHint')}
              required
              valueFormat="DD/MM/YYYY"
              placeholder={t('common.datePlaceholder')}
              {...(council.establishment.date ? { minDate: council.establishment.date } : {})}
              {...typedDateInputProps(field)}
              ref={field.ref}
              error={errors.heldOn?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="mode"
          render={({ field }) => (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="session-mode-label">
                {t('councils.session.mode')}
              </Text>
              <SegmentedControl
                aria-labelledby="session-mode-label"
                value={field.value}
                onChange={(value) => field.onChange(value)}
                data={[
                  { value: 'meeting', label: labels.mode('meeting') },
                  { value: 'written', label: labels.mode('written') },
                ]}
              />
            </Stack>
          )}
        />
        {mode === 'written' && (
          <Controller
            control={form.control}
            name="writtenDeadline"
            render={({ field }) => (
              <DateInput
                label={t('councils.session.writtenDeadline')}
                valueFormat="DD/MM/YYYY"
                placeholder={t('common.datePlaceholder')}
                clearable
                {...typedDateInputProps(field)}
                ref={field.ref}
                error={errors.writtenDeadline?.message}
              />
            )}
          />
        )}
        {dossiers.isPending ? (
          <PageLoader />
        ) : (dossiers.data?.items.length ?? 0) === 0 ? (
          <Alert color="orange" icon={<IconInfoCircle aria-hidden />} data-testid="no-dossiers">
            {t(council.level === 'ministry' ? 'councils.session.noDossiersCentral' : 'councils.session.noDossiers')}
          </Alert>
        ) : (
          <Controller
            control={form.control}
            name="dossierIds"
            render={({ field }) => (
              <Checkbox.Group
                label={t('councils.session.dossiers')}
                description={t(council.level === 'ministry' ? 'councils.session.dossiersHintCentral' : 'councils.session.dossiersHint')}
                required
                value={field.value}
                onChange={field.onChange}
                error={errors.dossierIds?.message}
              >
                <Stack gap={6} mt="xs">
                  {dossiers.data?.items.map((dossier) => (
                    <Checkbox key={dossier.id} value={dossier.id} label={dossier.productName} description={`${dossier.subjectName} · ${dossier.ocopCode}`} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          />
        )}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('councils.session.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Opens a sitting of the council over dossiers before it (meeting, or written opinions for re-rating). */
export function SessionCreateDialog({ council, opened, onClose }: { council: Council; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('councils.session.createTitle', { name: council.name })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <SessionFormBody council={council} onClose={onClose} />}
    </Modal>
  );
}
