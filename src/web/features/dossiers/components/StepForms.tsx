import { NumberInput, Stack, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TransitionBody } from '../../../../contracts/evaluation.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { StepExtras } from '../api/dossiers.js';
import { FormActions } from '../../../components/FormActions.js';

/** A step form sends its extras through `run`, which throws what the server refused. */
export type StepFormProps = { run: (extras: StepExtras) => Promise<void>; onCancel: () => void; submitLabel: string };

/** The step dialogs' buttons. */
export const StepFormButtons = (props: { onCancel: () => void; submitLabel: string; submitting: boolean; color?: string }) => <FormActions {...props} mt="sm" />;

type CommentForm = { comment: string };
const RequiredComment = z.object({ comment: z.string().trim().min(1).max(3000) });
const OptionalComment = TransitionBody.pick({ comment: true });

/** A step with a comment: required for returning and withdrawing (the reason), optional otherwise. */
export function CommentStepForm({ run, onCancel, submitLabel, required, color }: StepFormProps & { required: boolean; color?: string }) {
  const { t } = useTranslation();
  const form = useForm<CommentForm, unknown, { comment?: string | undefined }>({
    resolver: contractResolver(required ? RequiredComment : OptionalComment, (values: CommentForm) => ({ comment: values.comment.trim() === '' ? undefined : values.comment })),
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
      <Textarea
        label={required ? t('dossiers.step.reason') : t('dossiers.step.comment')}
        description={required ? undefined : t('common.optional')}
        required={required}
        autosize
        minRows={3}
        maxLength={3000}
        error={form.formState.errors.comment?.message}
        {...form.register('comment')}
      />
      <StepFormButtons onCancel={onCancel} submitLabel={submitLabel} submitting={form.formState.isSubmitting} color={color} />
    </form>
  );
}

type ScoreForm = { councilScore: number | string; comment: string };
const ScoreInput = TransitionBody.pick({ councilScore: true, comment: true }).required({ councilScore: true });

/** The office records a council's result from the paper minutes. */
export function ScoreStepForm({ run, onCancel, submitLabel }: StepFormProps) {
  const { t } = useTranslation();
  const form = useForm<ScoreForm, unknown, z.output<typeof ScoreInput>>({
    resolver: contractResolver(ScoreInput, (values: ScoreForm) => ({
      councilScore: values.councilScore === '' ? undefined : Number(values.councilScore),
      comment: values.comment.trim() === '' ? undefined : values.comment,
    })),
    defaultValues: { councilScore: '', comment: '' },
  });
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async (values) => {
    try {
      await run(values);
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Controller
          control={form.control}
          name="councilScore"
          render={({ field }) => (
            <NumberInput
              label={t('dossiers.fields.councilScore')}
              description={t('dossiers.step.scoreHint')}
              required
              min={0}
              max={100}
              decimalScale={2}
              decimalSeparator=","
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              ref={field.ref}
              error={form.formState.errors.councilScore?.message}
            />
          )}
        />
        <Textarea label={t('dossiers.step.comment')} description={t('common.optional')} autosize minRows={2} maxLength={3000} {...form.register('comment')} />
      </Stack>
      <StepFormButtons onCancel={onCancel} submitLabel={submitLabel} submitting={form.formState.isSubmitting} />
    </form>
  );
}
