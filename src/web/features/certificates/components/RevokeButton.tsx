import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDisclosure } from '@mantine/hooks';
import { IconBan } from '@tabler/icons-react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RevokeBody } from '../../../../contracts/certificates.js';
import { todayInVietnam } from '../../../lib/format.js';
import { contractResolver, reportMutationError, typedDateInputProps, useMessagesFollowLanguage } from '../../../lib/forms.js';
import { notifySuccess } from '../../../lib/notify.js';
import { useRevokeCertificate, type Certificate } from '../api/certificates.js';
import { useCertificateLabels } from './labels.js';

type RevokeForm = { ground: string | null; decisionNo: string; decidedOn: string | null; signer: string; signerTitle: string; note: string };

function RevokeFormBody({ certificate, onClose }: { certificate: Certificate; onClose: () => void }) {
  const { t } = useTranslation();
  const labels = useCertificateLabels();
  const revoke = useRevokeCertificate(certificate.id);
  const today = todayInVietnam();
  const form = useForm<RevokeForm, unknown, z.output<typeof RevokeBody>>({
    resolver: contractResolver(RevokeBody, (values: RevokeForm) => ({ ...values, note: values.note.trim() === '' ? undefined : values.note })),
    defaultValues: {
      // A concluded violation gives the ground; the decision is dated today unless said otherwise.
      ground: certificate.violation?.ground ?? null,
      decisionNo: '',
      decidedOn: today,
      signer: '',
      signerTitle: certificate.revokedBy === 'ministry' ? t('certificates.revoke.defaultMinistrySignerTitle') : t('certificates.revoke.defaultSignerTitle'),
      note: '',
    },
  });
  const { errors } = form.formState;
  useMessagesFollowLanguage(form);
  const submit = form.handleSubmit(async (body) => {
    try {
      await revoke.mutateAsync(body);
      notifySuccess(t('certificates.revoke.done', { number: certificate.number }));
      onClose();
    } catch (error) {
      reportMutationError(error, form.setError);
    }
  });
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('certificates.revoke.text', { number: certificate.number, name: certificate.productName })}</Text>
        <Controller
          control={form.control}
          name="ground"
          render={({ field }) => (
            <Select
              label={t('certificates.revoke.ground')}
              required
              data={labels.groundOptions}
              value={field.value}
              onChange={(value) => field.onChange(value)}
              error={errors.ground?.message}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('certificates.revoke.decisionNo')} required error={errors.decisionNo?.message} {...form.register('decisionNo')} />
          <Controller
            control={form.control}
            name="decidedOn"
            render={({ field }) => (
              <DateInput
                label={t('certificates.revoke.decidedOn')}
                description={t('certificates.revoke.dateHint')}
                required
                valueFormat="DD/MM/YYYY"
                placeholder={t('common.datePlaceholder')}
                minDate={certificate.violation?.concludedOn ?? certificate.issuedOn}
                maxDate={today}
                {...typedDateInputProps(field)}
                ref={field.ref}
                error={errors.decidedOn?.message}
              />
            )}
          />
          <TextInput label={t('certificates.revoke.signer')} required error={errors.signer?.message} {...form.register('signer')} />
          <TextInput label={t('certificates.revoke.signerTitle')} required error={errors.signerTitle?.message} {...form.register('signerTitle')} />
        </SimpleGrid>
        <Textarea label={t('certificates.revoke.note')} description={t('common.optional')} autosize minRows={2} maxLength={2000} {...form.register('note')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={form.formState.isSubmitting}>
            {t('certificates.revoke.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Revocation on the grounds of Art. 8 (a–f), by the recognising authority's decision and its signer. */
export function RevokeButton({ certificate }: { certificate: Certificate }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant="light" leftSection={<IconBan size={16} aria-hidden />} onClick={open}>
        {t('certificates.revoke.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('certificates.revoke.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
        {opened && <RevokeFormBody certificate={certificate} onClose={close} />}
      </Modal>
    </>
  );
}
