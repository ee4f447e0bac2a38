import { Group, Radio, Stack, Text, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CommuneAssessmentInput } from '../../../../contracts/evaluation.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { CommuneAssessment } from '../api/dossiers.js';
import { StepFormButtons, type StepFormProps } from './StepForms.js';

type AssessForm = Omit<CommuneAssessment, 'conclusion'> & { conclusion: CommuneAssessment['conclusion'] | null };
const TEXT_FIELDS = ['rawMaterialOrigin', 'localLabour', 'ideaOrigin', 'localIdentity'] as const;

/** Mẫu 03: the commune's four findings and its conclusion (Art. 7.2). */
export function AssessStepForm({ run, onCancel, submitLabel }: StepFormProps) {
  const { t } = useTranslation();
  const form = useForm<AssessForm, unknown, CommuneAssessment>({
    resolver: contractResolver(CommuneAssessmentInput),
    defaultValues: { rawMaterialOrigin: '', localLabour: '', ideaOrigin: '', localIdentity: '', conclusion: null },
  });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async (assessment) => {
    try {
      await run({ assessment });
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="assess-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('dossiers.assessment.intro')}
        </Text>
        {TEXT_FIELDS.map((name) => (
          <Textarea key={name} label={t(`dossiers.assessment.${name}`)} required autosize minRows={2} maxRows={8} maxLength={3000} error={errors[name]?.message} {...form.register(name)} />
        ))}
        <Controller
          control={form.control}
          name="conclusion"
          render={({ field }) => (
            <Radio.Group label={t('dossiers.assessment.conclusion')} required value={field.value} onChange={(value) => field.onChange(value)} error={errors.conclusion?.message}>
              <Group mt="xs" gap="lg">
                <Radio value="propose" label={t('dossiers.assessment.conclusions.propose')} />
                <Radio value="not_propose" label={t('dossiers.assessment.conclusions.not_propose')} />
              </Group>
            </Radio.Group>
          )}
        />
      </Stack>
      <StepFormButtons onCancel={onCancel} submitLabel={submitLabel} submitting={form.formState.isSubmitting} />
    </form>
  );
}
