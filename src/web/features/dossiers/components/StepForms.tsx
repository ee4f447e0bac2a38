import { Alert, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ForwardingInput, TransitionBody } from '../../../../contracts/evaluation.js';
import { FormActions } from '../../../components/FormActions.js';
import { formatDate, formatPoints, todayInVietnam } from '../../../lib/format.js';
import { contractResolver, reportMutationError, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { useProductSelfAssessments } from '../../self-assessments/index.js';
import type { Dossier, Forwarding, StepExtras } from '../api/dossiers.js';

/** A step form sends its extras through `run`, which throws what the server refused. */
export type StepFormProps = { run: (extras: StepExtras) => Promise<void>; onCancel: () => void; submitLabel: string };

/** The step dialogs' buttons. */
export const StepFormButtons = (props: { onCancel: () => void; submitLabel: string; submitting: boolean; color?: string | undefined; disabled?: boolean }) => (
  <FormActions {...props} mt="sm" />
);

type CommentForm = { comment: string };
const RequiredComment = z.object({ comment: z.string().trim().min(1).max(3000) });
const OptionalComment = TransitionBody.pick({ comment: true });

type CommentStepFormProps = StepFormProps & {
  required: boolean;
  color?: string;
  /** What the step will do, shown above the comment (the papers check, the round). */
  children?: ReactNode;
  /** The step cannot be taken now; `children` say why. */
  blocked?: boolean;
};

/** A step with a comment: required for returning, disqualifying and withdrawing (the reason), optional otherwise. */
export function CommentStepForm({ run, onCancel, submitLabel, required, color, children, blocked = false }: CommentStepFormProps) {
  const { t } = useTranslation();
  const form = useForm<CommentForm, unknown, { comment?: string | undefined }>({
    resolver: contractResolver(required ? RequiredComment : OptionalComment, (values: CommentForm) => ({
      comment: values.comment.trim() === '' ? undefined : values.comment,
    })),
    defaultValues: { comment: '' },
  });
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async ({ comment }) => {
    try {
      await run(comment ? { comment } : {});
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        {children}
        <Textarea
          label={required ? t('dossiers.step.reason') : t('dossiers.step.comment')}
          description={required ? undefined : t('common.optional')}
          required={required}
          autosize
          minRows={required ? 3 : 2}
          maxLength={3000}
          error={form.formState.errors.comment?.message}
          {...form.register('comment')}
        />
      </Stack>
      <StepFormButtons onCancel={onCancel} submitLabel={submitLabel} submitting={form.formState.isSubmitting} color={color} disabled={blocked} />
    </form>
  );
}

type SubmitForm = { selfAssessmentId: string | null; comment: string };

/**
 * Submitting (or resubmitting) files the dossier with a completed self-assessment: the newest of
 * the product's (a sheet reopened after filing comes back as a new one), or the one attached.
 */
export function SubmitStepForm({ dossier, run, onCancel, submitLabel }: StepFormProps & { dossier: Dossier }) {
  const { t } = useTranslation();
  const sheets = useProductSelfAssessments(dossier.productId);
  const completed = (sheets.data ?? []).filter((sheet) => sheet.status === 'completed' && sheet.setNumber === dossier.setNumber);
  const newest = [...completed].sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''))[0];
  const form = useForm<SubmitForm>({ defaultValues: { selfAssessmentId: dossier.selfAssessmentId ?? null, comment: '' } });
  // The newest completed sheet once the list arrives (after a return the producer has usually assessed the product again).
  const newestId = newest?.id;
  useEffect(() => {
    if (newestId && !form.getFieldState('selfAssessmentId').isDirty) form.setValue('selfAssessmentId', newestId);
  }, [newestId, form]);
  const submit = form.handleSubmit(async ({ selfAssessmentId, comment }) => {
    try {
      await run({
        ...(selfAssessmentId && selfAssessmentId !== dossier.selfAssessmentId ? { selfAssessmentId } : {}),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });
  const options = completed.map((sheet) => {
    const label = t('dossiers.create.sheetOption', { date: formatDate(sheet.completedAt), points: formatPoints(sheet.total) });
    return { value: sheet.id, label: sheet.id === dossier.selfAssessmentId ? t('dossiers.step.attached', { label }) : label };
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="submit-form">
      <Stack gap="sm">
        {(options.length > 1 || (options.length === 1 && options[0]!.value !== dossier.selfAssessmentId)) && (
          <Controller
            control={form.control}
            name="selfAssessmentId"
            render={({ field }) => (
              <Select
                label={t('dossiers.step.selfAssessment')}
                description={t('dossiers.step.selfAssessmentHint')}
                data={options}
                allowDeselect={false}
                value={field.value}
                onChange={(value) => field.onChange(value)}
                error={form.formState.errors.selfAssessmentId?.message}
              />
            )}
          />
        )}
        <Textarea label={t('dossiers.step.comment')} description={t('common.optional')} autosize minRows={2} maxLength={3000} {...form.register('comment')} />
      </Stack>
      <StepFormButtons onCancel={onCancel} submitLabel={submitLabel} submitting={form.formState.isSubmitting} />
    </form>
  );
}

type ForwardForm = { letterNumber: string; letterDate: string | null; signer: string; signerTitle: string; samplesSent: number | string; extraTests: string };
type ForwardFields = { forwarding: ForwardForm };
const ForwardStep = z.object({ forwarding: ForwardingInput });

/** The province's letter sending the approved dossier to the ministry, with the samples (Art. 6.3a, 7.3e). */
export function ForwardStepForm({ dossier, run, onCancel, submitLabel }: StepFormProps & { dossier: Dossier }) {
  const { t } = useTranslation();
  const form = useForm<ForwardFields, unknown, { forwarding: Forwarding }>({
    resolver: contractResolver(ForwardStep, ({ forwarding: f }: ForwardFields) => ({
      forwarding: {
        ...f,
        samplesSent: f.samplesSent === '' ? undefined : Number(f.samplesSent),
        extraTests: f.extraTests.trim() === '' ? undefined : f.extraTests,
      },
    })),
    defaultValues: {
      forwarding: {
        letterNumber: '',
        letterDate: todayInVietnam(),
        signer: '',
        signerTitle: t('dossiers.forwarding.defaultSignerTitle'),
        samplesSent: dossier.samples,
        extraTests: '',
      },
    },
  });
  const errors = form.formState.errors.forwarding;
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async ({ forwarding }) => {
    try {
      await run({ forwarding });
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="forward-form">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('dossiers.forwarding.letterNumber')}
            placeholder="123/UBND-KT"
            required
            error={errors?.letterNumber?.message}
            {...form.register('forwarding.letterNumber')}
          />
          <Controller
            control={form.control}
            name="forwarding.letterDate"
            render={({ field }) => (
              <DateInput
                label={t('dossiers.forwarding.letterDate')}
                description={t('dossiers.forwarding.dateHint')}
                required
                valueFormat="DD/MM/YYYY"
                placeholder={t('common.datePlaceholder')}
                maxDate={todayInVietnam()}
                {...typedDateInputProps(field)}
                ref={field.ref}
                error={errors?.letterDate?.message}
              />
            )}
          />
          <TextInput label={t('dossiers.forwarding.signer')} required error={errors?.signer?.message} {...form.register('forwarding.signer')} />
          <TextInput label={t('dossiers.forwarding.signerTitle')} required error={errors?.signerTitle?.message} {...form.register('forwarding.signerTitle')} />
          <Controller
            control={form.control}
            name="forwarding.samplesSent"
            render={({ field }) => (
              <NumberInput
                label={t('dossiers.forwarding.samplesSent')}
                required
                min={0}
                max={100}
                allowDecimal={false}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={errors?.samplesSent?.message}
              />
            )}
          />
        </SimpleGrid>
        <Textarea
          label={t('dossiers.forwarding.extraTests')}
          description={`${t('dossiers.forwarding.extraTestsHint')} (${t('common.optional')})`}
          autosize
          minRows={2}
          maxLength={2000}
          error={errors?.extraTests?.message}
          {...form.register('forwarding.extraTests')}
        />
      </Stack>
      <StepFormButtons onCancel={onCancel} submitLabel={submitLabel} submitting={form.formState.isSubmitting} color="yellow" />
    </form>
  );
}

type MinistryReceiveForm = { samplesReceived: number | string; comment: string };

/** The ministry receives the dossier and counts the samples that arrived (all of those sent, unless said otherwise). */
export function MinistryReceiveStepForm({ dossier, run, onCancel, submitLabel }: StepFormProps & { dossier: Dossier }) {
  const { t } = useTranslation();
  const sent = dossier.forwarding?.samplesSent ?? dossier.samples;
  const form = useForm<MinistryReceiveForm>({ defaultValues: { samplesReceived: '', comment: '' } });
  const submit = form.handleSubmit(async ({ samplesReceived, comment }) => {
    try {
      await run({ ...(samplesReceived === '' ? {} : { samplesReceived: Number(samplesReceived) }), ...(comment.trim() ? { comment: comment.trim() } : {}) });
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="samplesReceived"
          render={({ field }) => (
            <NumberInput
              label={t('dossiers.forwarding.samplesReceived')}
              description={t('dossiers.forwarding.samplesReceivedHint', { count: sent })}
              placeholder={String(sent)}
              min={0}
              max={100}
              allowDecimal={false}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={form.formState.errors.samplesReceived?.message}
            />
          )}
        />
        <Textarea label={t('dossiers.step.comment')} description={t('common.optional')} autosize minRows={2} maxLength={3000} {...form.register('comment')} />
      </Stack>
      <StepFormButtons onCancel={onCancel} submitLabel={submitLabel} submitting={form.formState.isSubmitting} />
    </form>
  );
}

/** A short note in a step dialog. */
export function StepNote({ children }: { children: ReactNode }) {
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} p="sm">
      {children}
    </Alert>
  );
}
