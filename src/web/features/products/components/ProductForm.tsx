import { SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SubjectSelect } from '../../../components/SubjectSelect.js';
import { readOnlySelectProps } from '../../../components/read-only.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { reportMutationError, textOrEmpty, useMessagesFollowLanguage } from '../../../lib/forms.js';
import type { Product, ProductStatus } from '../api/products.js';
import { CriteriaSetSelect } from './CriteriaSetSelect.js';
import { CertificationsField, IpTitlesField, type CertificationFormValue, type IpTitleFormValue } from './ProductArrayFields.js';
import { useProductLabels } from './labels.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { FormActions } from '../../../components/FormActions.js';

/** Editing state of a product: Selects hold null until chosen, the criteria set number as text. */
export type ProductFormValues = {
  subjectId: string | null;
  name: string;
  criteriaSetNumber: string | null;
  description: string;
  ingredients: string;
  packaging: string;
  netContent: string;
  barcode: string;
  qualityDeclarationNo: string;
  status: ProductStatus;
  certifications: CertificationFormValue[];
  ipTitles: IpTitleFormValue[];
};

export function productFormValues(product: Product | undefined, subjectId: string | null): ProductFormValues {
  return {
    subjectId: product?.subjectId ?? subjectId,
    name: product?.name ?? '',
    criteriaSetNumber: product?.criteriaSetNumber ? String(product.criteriaSetNumber) : null,
    description: textOrEmpty(product?.description),
    ingredients: textOrEmpty(product?.ingredients),
    packaging: textOrEmpty(product?.packaging),
    netContent: textOrEmpty(product?.netContent),
    barcode: textOrEmpty(product?.barcode),
    qualityDeclarationNo: textOrEmpty(product?.qualityDeclarationNo),
    status: product?.status ?? 'active',
    certifications: (product?.certifications ?? []).map((c) => ({ kind: c.kind, number: c.number, issuer: c.issuer ?? '', expiresOn: c.expiresOn ?? null })),
    ipTitles: (product?.ipTitles ?? []).map((title) => ({ kind: title.kind, number: title.number, owner: title.owner ?? '' })),
  };
}

type ProductFormProps<Output> = {
  defaultValues: ProductFormValues;
  /** Create validates with ProductInput, edit with ProductUpdate (no subject). */
  resolver: Resolver<ProductFormValues, unknown, Output>;
  /** Producers register for their own subject; nobody moves a product to another subject. */
  subjectLocked: boolean;
  subjectHint?: string;
  submitLabel: string;
  onSubmit: (input: Output) => Promise<unknown>;
  onCancel: () => void;
};

export function ProductForm<Output>({ defaultValues, resolver, subjectLocked, subjectHint, submitLabel, onSubmit, onCancel }: ProductFormProps<Output>) {
  const { t } = useTranslation();
  const labels = useProductLabels();
  const form = useForm<ProductFormValues, unknown, Output>({ resolver, defaultValues });
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
        <SectionCard title={t('products.sections.general')}>
          <Stack>
            <Controller
              control={control}
              name="subjectId"
              render={({ field }) => (
                <SubjectSelect
                  label={t('products.fields.subjectId')}
                  required
                  {...readOnlySelectProps(subjectLocked)}
                  description={subjectHint}
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={errors.subjectId?.message}
                />
              )}
            />
            <TextInput label={t('products.fields.name')} required error={errors.name?.message} {...register('name')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Controller
                control={control}
                name="criteriaSetNumber"
                render={({ field }) => (
                  <CriteriaSetSelect
                    label={t('products.fields.criteriaSetNumber')}
                    clearable
                    value={field.value}
                    onChange={(value) => field.onChange(value)}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    error={errors.criteriaSetNumber?.message}
                  />
                )}
              />
              <FormSelect
                control={control}
                name="status"
                label={t('products.fields.status')}
                data={labels.statusOptions}
                allowDeselect={false}
                error={errors.status?.message}
              />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('products.sections.details')}>
          <Stack>
            <Textarea
              label={t('products.fields.description')}
              autosize
              minRows={3}
              maxRows={10}
              error={errors.description?.message}
              {...register('description')}
            />
            <Textarea
              label={t('products.fields.ingredients')}
              autosize
              minRows={2}
              maxRows={6}
              error={errors.ingredients?.message}
              {...register('ingredients')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('products.fields.packaging')} error={errors.packaging?.message} {...register('packaging')} />
              <TextInput label={t('products.fields.netContent')} error={errors.netContent?.message} {...register('netContent')} />
              <TextInput label={t('products.fields.barcode')} inputMode="numeric" error={errors.barcode?.message} {...register('barcode')} />
              <TextInput label={t('products.fields.qualityDeclarationNo')} error={errors.qualityDeclarationNo?.message} {...register('qualityDeclarationNo')} />
            </SimpleGrid>
          </Stack>
        </SectionCard>

        <SectionCard title={t('products.sections.certifications')}>
          <CertificationsField control={control} register={register} errors={errors.certifications} />
        </SectionCard>

        <SectionCard title={t('products.sections.ipTitles')}>
          <IpTitlesField control={control} register={register} errors={errors.ipTitles} />
        </SectionCard>

        <FormActions onCancel={onCancel} submitLabel={submitLabel} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}
