import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ActivityCommuneSelect } from '../../../components/ActivityCommuneSelect.js';
import { FormActions } from '../../../components/FormActions.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { SubjectSelect } from '../../../components/SubjectSelect.js';
import { contractResolver, reportMutationError, textOrEmpty, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { ProductIdea, ProductIdeaInput } from '../api/ideas.js';
import { FormDateInput } from '../../../components/FormFields.js';
import { CriteriaSetSelect, today } from './fields.js';
import { IdeaBody } from './schemas.js';

/** Editing state of an idea: Selects hold null until chosen, the criteria set number as text. */
export type IdeaFormValues = {
  communeCode: string | null;
  subjectId: string | null;
  proposerName: string;
  title: string;
  description: string;
  criteriaSetNumber: string | null;
  receivedOn: string | null;
  externalCode: string;
};

const resolver = contractResolver<IdeaFormValues, typeof IdeaBody>(IdeaBody, (values) => ({
  ...values,
  criteriaSetNumber: values.criteriaSetNumber ? Number(values.criteriaSetNumber) : null,
}));

export function ideaFormValues(idea?: ProductIdea): IdeaFormValues {
  return {
    communeCode: idea?.communeCode ?? null,
    subjectId: idea?.subjectId ?? null,
    proposerName: textOrEmpty(idea?.proposerName),
    title: idea?.title ?? '',
    description: textOrEmpty(idea?.description),
    criteriaSetNumber: idea?.criteriaSetNumber ? String(idea.criteriaSetNumber) : null,
    receivedOn: idea?.receivedOn ?? today(),
    externalCode: textOrEmpty(idea?.externalCode),
  };
}

type IdeaFormProps = {
  defaultValues: IdeaFormValues;
  submitLabel: string;
  onSubmit: (input: ProductIdeaInput) => Promise<unknown>;
  onCancel: () => void;
};

/** The idea registration form (phiếu đăng ký ý tưởng sản phẩm) as the commune receives it. */
export function IdeaForm({ defaultValues, submitLabel, onSubmit, onCancel }: IdeaFormProps) {
  const { t } = useTranslation();
  const form = useForm<IdeaFormValues, unknown, ProductIdeaInput>({ resolver, defaultValues });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (input) => {
    try {
      await onSubmit(input);
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <SectionCard title={t('programme.ideas.sections.proposer')}>
          <Stack>
            <Controller
              control={control}
              name="communeCode"
              render={({ field }) => (
                <ActivityCommuneSelect
                  label={t('programme.ideas.fields.communeCode')}
                  required
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={errors.communeCode?.message}
                />
              )}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={control}
                name="subjectId"
                render={({ field }) => (
                  <SubjectSelect
                    label={t('programme.ideas.fields.subjectId')}
                    description={t('programme.ideas.fields.subjectHint')}
                    clearable
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.subjectId?.message}
                  />
                )}
              />
              <TextInput
                label={t('programme.ideas.fields.proposerName')}
                description={t('programme.ideas.fields.proposerHint')}
                error={errors.proposerName?.message}
                {...register('proposerName')}
              />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('programme.ideas.sections.idea')}>
          <Stack>
            <TextInput label={t('programme.ideas.fields.title')} required error={errors.title?.message} {...register('title')} />
            <Textarea
              label={t('programme.ideas.fields.description')}
              autosize
              minRows={3}
              maxRows={12}
              error={errors.description?.message}
              {...register('description')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={control}
                name="criteriaSetNumber"
                render={({ field }) => (
                  <CriteriaSetSelect
                    clearable
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.criteriaSetNumber?.message}
                  />
                )}
              />
              <FormDateInput
                control={control}
                name="receivedOn"
                label={t('programme.ideas.fields.receivedOn')}
                required
                maxDate={today()}
                error={errors.receivedOn?.message}
              />
              <TextInput label={t('programme.fields.externalCode')} error={errors.externalCode?.message} {...register('externalCode')} />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <FormActions onCancel={onCancel} submitLabel={submitLabel} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
