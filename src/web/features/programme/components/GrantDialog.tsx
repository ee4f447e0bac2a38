import { Group, Modal, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SupportGrantInput as SupportGrantInputSchema } from '../../../../contracts/programme.js';
import type { GrantStatus } from '../../../../domain/programme/index.js';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { SubjectSelect } from '../../../components/SubjectSelect.js';
import { formatDate } from '../../../lib/format.js';
import { contractResolver, reportMutationError, textOrEmpty, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useSubjectPlanOptions } from '../api/ideas.js';
import { useSubjectProductOptions } from '../api/products.js';
import { useDeleteGrant, usePolicyOptions, useSaveGrant, type SupportGrant, type SupportGrantInput } from '../api/support.js';
import { FormDateInput, FormNumberInput } from '../../../components/FormFields.js';
import { today } from './fields.js';
import { useProgrammeLabels, type BudgetSource } from './labels.js';

type GrantFormValues = {
  policyId: string | null;
  subjectId: string | null;
  productId: string | null;
  businessPlanId: string | null;
  content: string;
  amountVnd: number | string;
  fundingSource: BudgetSource | null;
  grantedOn: string | null;
  status: GrantStatus;
  note: string;
  externalCode: string;
};

const resolver = contractResolver<GrantFormValues, typeof SupportGrantInputSchema>(SupportGrantInputSchema, (values) => ({
  ...values,
  amountVnd: values.amountVnd === '' ? null : Number(values.amountVnd),
}));

const grantFormValues = (grant: SupportGrant | null, policyId: string | null): GrantFormValues => ({
  policyId: grant?.policyId ?? policyId,
  subjectId: grant?.subjectId ?? null,
  productId: grant?.productId ?? null,
  businessPlanId: grant?.businessPlanId ?? null,
  content: grant?.content ?? '',
  amountVnd: grant?.amountVnd ?? '',
  fundingSource: grant?.fundingSource ?? 'province',
  grantedOn: grant?.grantedOn ?? today(),
  status: grant?.status ?? 'approved',
  note: textOrEmpty(grant?.note),
  externalCode: textOrEmpty(grant?.externalCode),
});

type Control = ReturnType<typeof useForm<GrantFormValues, unknown, SupportGrantInput>>['control'];

/** The policies of the grant's year to choose from, when the grant is not added from a policy's page. */
function PolicyField({ control, error }: { control: Control; error?: string | undefined }) {
  const { t } = useTranslation();
  const policies = usePolicyOptions(null);
  const options = (policies.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} · ${p.name}` }));
  return (
    <FormSelect
      control={control}
      name="policyId"
      label={t('programme.grants.fields.policyId')}
      required
      searchable
      data={options}
      placeholder={t('select.choose')}
      nothingFoundMessage={t('select.nothingFound')}
      disabled={policies.isLoading}
      allowDeselect={false}
      error={error}
    />
  );
}

/** The product and the business plan the grant went to, both among the chosen producer's. */
function ProducerLinks({
  control,
  grant,
  errors,
}: {
  control: Control;
  grant: SupportGrant | null;
  errors: { productId?: string | undefined; businessPlanId?: string | undefined };
}) {
  const { t } = useTranslation();
  const subjectId = useWatch({ control, name: 'subjectId' });
  const products = useSubjectProductOptions(subjectId);
  const plans = useSubjectPlanOptions(subjectId);
  const productOptions = (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }));
  if (grant?.productId && grant.productName && grant.subjectId === subjectId && !productOptions.some((o) => o.value === grant.productId))
    productOptions.unshift({ value: grant.productId, label: grant.productName });
  const planOptions = (plans.data ?? []).map((plan) => ({ value: plan.id, label: `${plan.title} (${formatDate(plan.submittedOn)})` }));
  const hint = subjectId ? undefined : t('programme.grants.fields.chooseProducerFirst');
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <Controller
        control={control}
        name="productId"
        render={({ field }) => (
          <Select
            label={t('programme.grants.fields.productId')}
            description={hint}
            placeholder={subjectId ? t('programme.grants.fields.noProduct') : undefined}
            data={productOptions}
            disabled={!subjectId || products.isLoading}
            clearable
            value={field.value}
            onChange={field.onChange}
            error={errors.productId}
          />
        )}
      />
      <Controller
        control={control}
        name="businessPlanId"
        render={({ field }) => (
          <Select
            label={t('programme.grants.fields.businessPlanId')}
            description={hint}
            placeholder={subjectId ? t('programme.grants.fields.noPlan') : undefined}
            data={planOptions}
            disabled={!subjectId || plans.isLoading}
            clearable
            value={field.value}
            onChange={field.onChange}
            error={errors.businessPlanId}
          />
        )}
      />
    </SimpleGrid>
  );
}

function GrantForm({ grant, policyId, onClose }: { grant: SupportGrant | null; policyId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const save = useSaveGrant();
  const remove = useDeleteGrant();
  const form = useForm<GrantFormValues, unknown, SupportGrantInput>({ resolver, defaultValues: grantFormValues(grant, policyId) });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (body) => {
    try {
      await save.mutateAsync({ id: grant?.id ?? null, body });
      notifySuccess(grant ? t('common.saved') : t('programme.grants.created'));
      onClose();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        {policyId === null && <PolicyField control={control} error={errors.policyId?.message} />}
        <Controller
          control={control}
          name="subjectId"
          render={({ field }) => (
            <SubjectSelect
              label={t('programme.grants.fields.subjectId')}
              required
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                // The product and plan were the previous producer's.
                form.setValue('productId', null);
                form.setValue('businessPlanId', null);
              }}
              onBlur={field.onBlur}
              ref={field.ref}
              error={errors.subjectId?.message}
            />
          )}
        />
        <ProducerLinks control={control} grant={grant} errors={{ productId: errors.productId?.message, businessPlanId: errors.businessPlanId?.message }} />
        <Textarea
          label={t('programme.grants.fields.content')}
          required
          autosize
          minRows={2}
          maxRows={6}
          error={errors.content?.message}
          {...register('content')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormNumberInput vnd control={control} name="amountVnd" label={t('programme.grants.fields.amountVnd')} required error={errors.amountVnd?.message} />
          <FormSelect
            control={control}
            name="fundingSource"
            label={t('programme.grants.fields.fundingSource')}
            required
            data={labels.sourceOptions}
            allowDeselect={false}
            error={errors.fundingSource?.message}
          />
          <FormDateInput
            control={control}
            name="grantedOn"
            label={t('programme.grants.fields.grantedOn')}
            required
            maxDate={today()}
            error={errors.grantedOn?.message}
          />
          <FormSelect
            control={control}
            name="status"
            label={t('programme.grants.fields.status')}
            required
            data={labels.grantStatusOptions}
            allowDeselect={false}
            error={errors.status?.message}
          />
        </SimpleGrid>
        <Textarea label={t('programme.fields.note')} autosize minRows={2} maxRows={6} error={errors.note?.message} {...register('note')} />
        <TextInput label={t('programme.fields.externalCode')} error={errors.externalCode?.message} {...register('externalCode')} />
        <Group justify="space-between" align="flex-end">
          {grant ? (
            <ConfirmDeleteButton
              variant="subtle"
              title={t('programme.grants.deleteTitle')}
              body={t('programme.grants.deleteBody', { subject: grant.subjectName, content: grant.content })}
              onConfirm={() =>
                remove.mutateAsync(grant.id, {
                  onSuccess: () => {
                    notifySuccess(t('programme.grants.deleted'));
                    onClose();
                  },
                  onError: (error) => reportMutationError(error),
                })
              }
            />
          ) : (
            <span />
          )}
          <FormActions onCancel={onClose} submitLabel={grant ? t('common.save') : t('programme.grants.new')} submitting={isSubmitting} />
        </Group>
      </Stack>
    </form>
  );
}

type GrantDialogProps = {
  opened: boolean;
  onClose: () => void;
  grant: SupportGrant | null;
  /** The policy whose page the dialog opens from; without it the policy is chosen in the form. */
  policyId?: string | null;
};

/** A grant under a policy to a producer (and maybe one of its products or business plans): the office's. */
export function GrantDialog({ opened, onClose, grant, policyId = null }: GrantDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={grant ? t('programme.grants.edit') : t('programme.grants.new')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <GrantForm grant={grant} policyId={policyId} onClose={onClose} />}
    </Modal>
  );
}
