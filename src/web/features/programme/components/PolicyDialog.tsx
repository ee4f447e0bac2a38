import { Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SupportPolicyInput as SupportPolicyInputSchema } from '../../../../contracts/programme.js';
import type { SupportArea } from '../../../../domain/programme/index.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { contractResolver, reportMutationError, textOrEmpty, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useSavePolicy, type SupportPolicy, type SupportPolicyInput } from '../api/support.js';
import { FormNumberInput } from '../../../components/FormFields.js';
import { useProgrammeLabels } from './labels.js';
import { YearSelect } from './YearSelect.js';

type PolicyFormValues = {
  name: string;
  area: SupportArea | null;
  legalBasis: string;
  year: number | null;
  budgetVnd: number | string;
  note: string;
  externalCode: string;
};

const resolver = contractResolver<PolicyFormValues, typeof SupportPolicyInputSchema>(SupportPolicyInputSchema, (values) => ({
  ...values,
  budgetVnd: values.budgetVnd === '' ? null : Number(values.budgetVnd),
}));

const policyFormValues = (policy: SupportPolicy | null): PolicyFormValues => ({
  name: policy?.name ?? '',
  area: policy?.area ?? null,
  legalBasis: textOrEmpty(policy?.legalBasis),
  year: policy?.year ?? new Date().getFullYear(),
  budgetVnd: policy?.budgetVnd ?? '',
  note: textOrEmpty(policy?.note),
  externalCode: textOrEmpty(policy?.externalCode),
});

function PolicyForm({ policy, onSaved, onClose }: { policy: SupportPolicy | null; onSaved?: (policy: SupportPolicy) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const save = useSavePolicy();
  const form = useForm<PolicyFormValues, unknown, SupportPolicyInput>({ resolver, defaultValues: policyFormValues(policy) });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (body) => {
    try {
      const saved = await save.mutateAsync({ id: policy?.id ?? null, body });
      notifySuccess(policy ? t('common.saved') : t('programme.support.policyCreated'));
      onClose();
      onSaved?.(saved);
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <TextInput label={t('programme.support.fields.name')} required error={errors.name?.message} {...register('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormSelect
            control={control}
            name="area"
            label={t('programme.support.fields.area')}
            required
            data={labels.supportAreaOptions}
            placeholder={t('select.choose')}
            allowDeselect={false}
            error={errors.area?.message}
          />
          <Controller
            control={control}
            name="year"
            render={({ field }) => <YearSelect required value={field.value} onChange={field.onChange} allowDeselect={false} error={errors.year?.message} />}
          />
        </SimpleGrid>
        <Textarea
          label={t('programme.support.fields.legalBasis')}
          description={t('programme.support.fields.legalBasisHint')}
          autosize
          minRows={2}
          maxRows={6}
          error={errors.legalBasis?.message}
          {...register('legalBasis')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormNumberInput vnd control={control} name="budgetVnd" label={t('programme.support.fields.budgetVnd')} error={errors.budgetVnd?.message} />
          <TextInput label={t('programme.fields.externalCode')} error={errors.externalCode?.message} {...register('externalCode')} />
        </SimpleGrid>
        <Textarea label={t('programme.fields.note')} autosize minRows={2} maxRows={6} error={errors.note?.message} {...register('note')} />
        <FormActions onCancel={onClose} submitLabel={policy ? t('common.save') : t('programme.support.newPolicy')} submitting={isSubmitting} />
      </Stack>
    </form>
  );
}

type PolicyDialogProps = { opened: boolean; onClose: () => void; policy: SupportPolicy | null; onSaved?: (policy: SupportPolicy) => void };

/** A support policy (chính sách hỗ trợ) of a year: the office's. */
export function PolicyDialog({ opened, onClose, policy, onSaved }: PolicyDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={policy ? t('programme.support.editPolicy') : t('programme.support.newPolicy')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <PolicyForm policy={policy} onSaved={onSaved} onClose={onClose} />}
    </Modal>
  );
}
