import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type ConfirmDeleteDialogProps = {
  opened: boolean;
  title: string;
  body: string;
  onClose: () => void;
  onConfirm: () => Promise<unknown>;
  confirmLabel?: string;
};

/** Asks before deleting; stays open (and busy) until the request ends, and closes only on success. */
export function ConfirmDeleteDialog({ opened, title, body, onClose, onConfirm, confirmLabel }: ConfirmDeleteDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      onClose();
    } catch {
      // The caller reported the error; the dialog stays so the user can cancel.
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal closeButtonProps={{ 'aria-label': t('common.close') }} opened={opened} onClose={busy ? () => undefined : onClose} title={title} centered>
      <Text size="sm">{body}</Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button color="red" onClick={() => void confirm()} loading={busy} data-autofocus>
          {confirmLabel ?? t('common.delete')}
        </Button>
      </Group>
    </Modal>
  );
}

type ConfirmDeleteButtonProps = Omit<ConfirmDeleteDialogProps, 'opened' | 'onClose'> & Pick<ButtonProps, 'size' | 'variant'>;

export function ConfirmDeleteButton({ size = 'sm', variant = 'light', ...dialog }: ConfirmDeleteButtonProps) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button color="red" variant={variant} size={size} leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
        {dialog.confirmLabel ?? t('common.delete')}
      </Button>
      <ConfirmDeleteDialog opened={opened} onClose={close} {...dialog} />
    </>
  );
}
