import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Cancel and submit, right-aligned, at the foot of a form; cancel is disabled while submitting. */
export function FormActions({ onCancel, submitLabel, submitting, color, mt }: { onCancel: () => void; submitLabel: string; submitting: boolean; color?: string; mt?: string }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={mt}>
      <Button variant="default" onClick={onCancel} disabled={submitting}>
        {t('common.cancel')}
      </Button>
      {/* data-autofocus: inside a dialog, the submit button takes the focus first. */}
      <Button type="submit" loading={submitting} color={color} data-autofocus>
        {submitLabel}
      </Button>
    </Group>
  );
}
