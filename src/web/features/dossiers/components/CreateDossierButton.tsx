import { Alert, Button, Modal, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconClipboardCheck, IconFilePlus, IconInfoCircle } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { DossierCreateBody } from '../../../../contracts/evaluation.js';
import { formatDate, formatPoints } from '../../../lib/format.js';
import { contractResolver, reportMutationError, textOrEmpty, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useProductSelfAssessments, useStartSelfAssessment } from '../../self-assessments/index.js';
import { useCreateDossier, useSubjectForRegistration, type DossierKind } from '../api/dossiers.js';
import { useDossierLabels } from './labels.js';

type RegistrationForm = { representativeName: string; representativePosition: string; address: string; phone: string; email: string };
type DossierForm = { kind: DossierKind; selfAssessmentId: string | null; registration: RegistrationForm };
const REGISTRATION_FIELDS = ['representativePosition', 'address', 'phone', 'email'] as const;

type ProductRef = { id: string; name: string; subjectId: string };

function DossierFormBody({ product, registration, onClose }: { product: ProductRef; registration: RegistrationForm; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useDossierLabels();
  const navigate = useNavigate();
  const create = useCreateDossier();
  const sheets = useProductSelfAssessments(product.id);
  const start = useStartSelfAssessment(product.id);
  // Completed sheets first, then those in progress (Art. 6.1: a dossier always carries one; filing needs it completed).
  const completed = (sheets.data ?? []).filter((sheet) => sheet.status === 'completed');
  const choices = [...completed, ...(sheets.data ?? []).filter((sheet) => sheet.status !== 'completed')];
  const form = useForm<DossierForm, unknown, z.output<typeof DossierCreateBody>>({
    resolver: contractResolver(DossierCreateBody, (values: DossierForm) => ({
      ...values,
      productId: product.id,
      selfAssessmentId: values.selfAssessmentId ?? undefined,
    })),
    defaultValues: { kind: 'first', selfAssessmentId: choices[0]?.id ?? null, registration },
  });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (body) => {
    if (!body.selfAssessmentId) {
      form.setError('selfAssessmentId', { message: t('dossierWork.create.required') });
      return;
    }
    try {
      const dossier = await create.mutateAsync(body);
      notifySuccess(t('dossiers.create.done'));
      onClose();
      void navigate(`/dossiers/${dossier.id}`);
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="dossier-form">
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="kind"
          render={({ field }) => (
            <Select
              label={t('dossiers.fields.kind')}
              required
              data={labels.kindOptions}
              allowDeselect={false}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              error={errors.kind?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="selfAssessmentId"
          render={({ field }) => (
            <Select
              label={t('dossiers.fields.selfAssessment')}
              description={t('dossierWork.create.selfAssessmentHint')}
              required
              placeholder={choices.length ? t('select.choose') : t('dossierWork.create.noSheet')}
              data={choices.map((sheet) => ({
                value: sheet.id,
                label:
                  sheet.status === 'completed'
                    ? t('dossiers.create.sheetOption', { date: formatDate(sheet.completedAt), points: formatPoints(sheet.total) })
                    : t('dossierWork.create.sheetInProgress', { date: formatDate(sheet.updatedAt) }),
              }))}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              allowDeselect={false}
              error={errors.selfAssessmentId?.message}
            />
          )}
        />
        {sheets.isSuccess && choices.length === 0 && (
          <Alert color="orange" icon={<IconInfoCircle aria-hidden />} p="sm" data-testid="no-self-assessment">
            <Stack gap="xs" align="flex-start">
              <span>{t('dossierWork.create.noSheetHint')}</span>
              <Button
                size="xs"
                variant="light"
                leftSection={<IconClipboardCheck size={14} aria-hidden />}
                loading={start.isPending}
                onClick={() =>
                  start.mutate(undefined, {
                    onSuccess: (sheet) => {
                      form.setValue('selfAssessmentId', sheet.id, { shouldValidate: false });
                      form.clearErrors('selfAssessmentId');
                      notifySuccess(t('dossierWork.create.started'));
                    },
                    onError: (error) => reportMutationError(error, form.setError),
                  })
                }
              >
                {t('dossierWork.create.start')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Title order={3} fz="sm" mt="xs">
          {t('dossiers.sections.registration')}
        </Title>
        <TextInput
          label={t('dossiers.registration.representativeName')}
          required
          error={errors.registration?.representativeName?.message}
          {...form.register('registration.representativeName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {REGISTRATION_FIELDS.map((name) => (
            <TextInput
              key={name}
              label={t(`dossiers.registration.${name}`)}
              error={errors.registration?.[name]?.message}
              {...form.register(`registration.${name}`)}
            />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={form.formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.formState.isSubmitting}>
            {t('dossiers.create.submit')}
          </Button>
        </SimpleGrid>
      </Stack>
    </form>
  );
}

/**
 * "Lập hồ sơ" on a product: the kind of evaluation, its self-assessment (Mẫu 02: required, chosen or
 * started here, completed before filing),
 * and Mẫu 01's representative, filled from the producer's record.
 */
export function CreateDossierButton({ product }: { product: ProductRef }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const subject = useSubjectForRegistration(product.subjectId, opened);
  const sheets = useProductSelfAssessments(product.id);
  const s = subject.data;
  const ready = opened && !subject.isPending && !sheets.isPending;
  return (
    <>
      <Button leftSection={<IconFilePlus size={16} aria-hidden />} variant="light" onClick={open}>
        {t('dossiers.create.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('dossiers.create.title', { name: product.name })}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {ready && (
          <DossierFormBody
            product={product}
            onClose={close}
            registration={{
              representativeName: textOrEmpty(s?.representativeName),
              representativePosition: '',
              address: textOrEmpty(s?.address),
              phone: textOrEmpty(s?.phone),
              email: textOrEmpty(s?.email),
            }}
          />
        )}
      </Modal>
    </>
  );
}
