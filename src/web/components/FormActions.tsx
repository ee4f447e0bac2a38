import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Cancel and submit, right-aligned, at the foot of a form; cancel is disabled while submitting, and
 * submit while `disabled` (the form says why).
 */
export function FormActions({
  onCancel,
  submitLabel,
  submitting,
  color,
  mt,
  disabled = false,
}: {
  onCancel: () => void;
  submitLabel: string;
  submitting: boolean;
  color?: string | undefined;
  mt?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel} disabled={submitting}>
        {t('common.cancel')}
      </Button>
      {/* data-autofocus: inside a dialog, the submit button takes the focus first. */}
      <Button type="submit" loading={submitting} color={color} disabled={disabled} data-autofocus>
        {submitLabel}
      </Button>
    </Group>
  );
}
