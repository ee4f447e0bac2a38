import { Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CommunicationItemInput as CommunicationItemInputSchema } from '../../../../contracts/programme.js';
import type { CommunicationKind } from '../../../../domain/programme/index.js';
import { ConfirmDeleteButton } from '../../../components/ConfirmDeleteButton.js';
import { FormActions } from '../../../components/FormActions.js';
import { FormSelect } from '../../../components/FormSelect.js';
import { contractResolver, reportMutationError, textOrEmpty, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useDeleteCommunicationItem, useSaveCommunicationItem, type CommunicationItem, type CommunicationItemInput } from '../api/communication.js';
import { FormDateInput, FormNumberInput } from '../../../components/FormFields.js';
import { today } from './fields.js';
import { useProgrammeLabels } from './labels.js';

type CommunicationFormValues = {
  kind: CommunicationKind | null;
  title: string;
  channel: string;
  publishedOn: string | null;
  quantity: number | string;
  url: string;
  note: string;
  externalCode: string;
};

const resolver = contractResolver<CommunicationFormValues, typeof CommunicationItemInputSchema>(CommunicationItemInputSchema, (values) => ({
  ...values,
  quantity: values.quantity === '' ? null : Number(values.quantity),
}));

const communicationFormValues = (item: CommunicationItem | null): CommunicationFormValues => ({
  kind: item?.kind ?? null,
  title: item?.title ?? '',
  channel: textOrEmpty(item?.channel),
  publishedOn: item?.publishedOn ?? today(),
  quantity: item?.quantity ?? 1,
  url: textOrEmpty(item?.url),
  note: textOrEmpty(item?.note),
  externalCode: textOrEmpty(item?.externalCode),
});

function CommunicationForm({ item, onClose }: { item: CommunicationItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useProgrammeLabels();
  const save = useSaveCommunicationItem();
  const remove = useDeleteCommunicationItem();
  const form = useForm<CommunicationFormValues, unknown, CommunicationItemInput>({ resolver, defaultValues: communicationFormValues(item) });
  const { control, register } = form;
  const { errors, isSubmitting } = form.formState;
  useMessagesFollowLanguage(form);

  const submit = form.handleSubmit(async (body) => {
    try {
      await save.mutateAsync({ id: item?.id ?? null, body });
      notifySuccess(item ? t('common.saved') : t('programme.communication.created'));
      onClose();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <FormSelect
          control={control}
          name="kind"
          label={t('programme.communication.fields.kind')}
          required
          data={labels.communicationKindOptions}
          placeholder={t('select.choose')}
          allowDeselect={false}
          error={errors.kind?.message}
        />
        <TextInput label={t('programme.communication.fields.title')} required error={errors.title?.message} {...register('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('programme.communication.fields.channel')}
            description={t('programme.communication.fields.channelHint')}
            error={errors.channel?.message}
            {...register('channel')}
          />
          <FormDateInput
            control={control}
            name="publishedOn"
            label={t('programme.communication.fields.publishedOn')}
            required
            maxDate={today()}
            error={errors.publishedOn?.message}
          />
          <FormNumberInput
            hideControls={false}
            control={control}
            name="quantity"
            label={t('programme.communication.fields.quantity')}
            description={t('programme.communication.fields.quantityHint')}
            required
            min={1}
            error={errors.quantity?.message}
          />
          <TextInput label={t('programme.fields.externalCode')} error={errors.externalCode?.message} {...register('externalCode')} />
        </SimpleGrid>
        <TextInput
          label={t('programme.communication.fields.url')}
          type="url"
          inputMode="url"
          placeholder="https://"
          error={errors.url?.message}
          {...register('url')}
        />
        <Textarea label={t('programme.fields.note')} autosize minRows={2} maxRows={6} error={errors.note?.message} {...register('note')} />
        <Group justify="space-between" align="flex-end">
          {item ? (
            <ConfirmDeleteButton
              variant="subtle"
              title={t('programme.communication.deleteTitle')}
              body={t('programme.communication.deleteBody', { title: item.title })}
              onConfirm={() =>
                remove.mutateAsync(item.id, {
                  onSuccess: () => {
                    notifySuccess(t('programme.communication.deleted'));
                    onClose();
                  },
                  onError: (error) => reportMutationError(error),
                })
              }
            />
          ) : (
            <span />
          )}
          <FormActions onCancel={onClose} submitLabel={item ? t('common.save') : t('programme.communication.new')} submitting={isSubmitting} />
        </Group>
      </Stack>
    </form>
  );
}

/** A communication item: a radio or TV segment, an article, a handbook, a panel… */
export function CommunicationDialog({ opened, onClose, item }: { opened: boolean; onClose: () => void; item: CommunicationItem | null }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={item ? t('programme.communication.edit') : t('programme.communication.new')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && <CommunicationForm item={item} onClose={onClose} />}
    </Modal>
  );
}
