import { Group, Radio, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CommuneAssessmentInput } from '../../../../contracts/evaluation.js';
import { contractResolver, reportMutationError, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { CommuneAssessment } from '../api/dossiers.js';
import { StepFormButtons, type StepFormProps } from './StepForms.js';

type AssessFields = {
  rawMaterialOrigin: string;
  localLabour: string;
  ideaOrigin: string;
  localIdentity: string;
  conclusion: CommuneAssessment['conclusion'] | null;
  reportNumber: string;
  letterNumber: string;
  signer: string;
  signerTitle: string;
};
type AssessForm = { assessment: AssessFields; comment: string };
const TEXT_FIELDS = ['rawMaterialOrigin', 'localLabour', 'ideaOrigin', 'localIdentity'] as const;

/** Mẫu 03 and, when the commune does not propose the product, its reasons (sent back to the producer as the step's comment). */
const AssessStep = z
  .object({ assessment: CommuneAssessmentInput, comment: z.string().trim().max(3000).optional() })
  .refine((v) => v.assessment?.conclusion !== 'not_propose' || !!v.comment, {
    message: 'A reason is required.',
    params: { vi: 'Cần ghi rõ lý do.' },
    path: ['comment'],
    // Said together with the other missing fields, not after them.
    when: () => true,
  });

/**
 * Mẫu 03: the commune's four findings, its conclusion, and who signs the report and the proposal
 * letter for the commune People's Committee (Art. 7.2). "Not proposed" returns the dossier to the
 * producer with the commune's reasons.
 */
export function AssessStepForm({ run, onCancel, submitLabel }: StepFormProps) {
  const { t } = useTranslation();
  const form = useForm<AssessForm, unknown, z.output<typeof AssessStep>>({
    resolver: contractResolver(AssessStep, (values: AssessForm) => ({
      assessment: values.assessment,
      comment: values.comment.trim() === '' ? undefined : values.comment,
    })),
    defaultValues: {
      assessment: {
        rawMaterialOrigin: '',
        localLabour: '',
        ideaOrigin: '',
        localIdentity: '',
        conclusion: null,
        reportNumber: '',
        letterNumber: '',
        signer: '',
        signerTitle: t('dossiers.assessment.defaultSignerTitle'),
      },
      comment: '',
    },
  });
  const errors = form.formState.errors.assessment;
  const notProposed = form.watch('assessment.conclusion') === 'not_propose';
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async ({ assessment, comment }) => {
    try {
      await run(comment && assessment.conclusion === 'not_propose' ? { assessment, comment } : { assessment });
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
          <Textarea
            key={name}
            label={t(`dossiers.assessment.${name}`)}
            required
            autosize
            minRows={2}
            maxRows={8}
            maxLength={3000}
            error={errors?.[name]?.message}
            {...form.register(`assessment.${name}`)}
          />
        ))}
        <Controller
          control={form.control}
          name="assessment.conclusion"
          render={({ field }) => (
            <Radio.Group
              label={t('dossiers.assessment.conclusion')}
              required
              value={field.value}
              onChange={(value) => field.onChange(value)}
              error={errors?.conclusion?.message}
            >
              <Group mt="xs" gap="lg">
                <Radio value="propose" label={t('dossiers.assessment.conclusions.propose')} />
                <Radio value="not_propose" label={t('dossiers.assessment.conclusions.not_propose')} />
              </Group>
            </Radio.Group>
          )}
        />
        {notProposed && (
          <Textarea
            label={t('dossiers.assessment.reasons')}
            description={t('dossiers.assessment.reasonsHint')}
            required
            autosize
            minRows={3}
            maxLength={3000}
            error={form.formState.errors.comment?.message}
            {...form.register('comment')}
          />
        )}
        <Title order={3} fz="sm" mt="xs">
          {t('dossiers.assessment.signing')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('dossiers.assessment.reportNumber')}
            description={t('common.optional')}
            placeholder="12/BC-UBND"
            error={errors?.reportNumber?.message}
            {...form.register('assessment.reportNumber')}
          />
          <TextInput
            label={t('dossiers.assessment.letterNumber')}
            description={t('common.optional')}
            placeholder="13/UBND-KT"
            error={errors?.letterNumber?.message}
            {...form.register('assessment.letterNumber')}
          />
          <TextInput label={t('dossiers.assessment.signer')} required error={errors?.signer?.message} {...form.register('assessment.signer')} />
          <TextInput label={t('dossiers.assessment.signerTitle')} required error={errors?.signerTitle?.message} {...form.register('assessment.signerTitle')} />
        </SimpleGrid>
      </Stack>
      <StepFormButtons onCancel={onCancel} submitLabel={submitLabel} submitting={form.formState.isSubmitting} />
    </form>
  );
}
