import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { isApiError } from './api/client.js';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000, closeButtonProps: { 'aria-label': i18next.t('common.close') } });
}

/** The server's message (already in the UI language) under a generic title. */
export function notifyError(error: unknown): void {
  const message = isApiError(error) || error instanceof Error ? error.message : String(error);
  notifications.show({
    color: 'red',
    title: i18next.t('common.errorTitle'),
    message,
    autoClose: 8000,
    closeButtonProps: { 'aria-label': i18next.t('common.close') },
  });
}

/** Something the user should know that is not a failure of theirs (someone else changed the record). */
export function notifyWarning(message: string): void {
  notifications.show({ color: 'orange', message, autoClose: 8000, closeButtonProps: { 'aria-label': i18next.t('common.close') } });
}
