import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { seesRegistry } from '../../../../domain/policies/index.js';
import { formatDateTime } from '../../../lib/format.js';
import { useActor } from '../../../lib/session.js';
import { useMarkAllRead, useMarkRead, useNotifications, type Notification } from '../api/notifications.js';

function NotificationItem({ item, onOpen }: { item: Notification; onOpen: (item: Notification) => void }) {
  const unread = item.readAt === null;
  return (
    <UnstyledButton
      onClick={() => onOpen(item)}
      px="sm"
      py="xs"
      className="notification-item"
      mod={{ unread }}
      data-testid="notification"
      data-unread={unread}
      aria-describedby={`notification-${item.id}`}
    >
      <Text size="sm" fw={unread ? 600 : 400} lineClamp={2}>
        {item.title}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={2} id={`notification-${item.id}`}>
        {item.body}
      </Text>
      <Text size="xs" c="dimmed">
        {formatDateTime(item.createdAt)}
      </Text>
    </UnstyledButton>
  );
}

/** The bell in the header: unread count, and the latest notices; opening one marks it read and goes to its dossier. */
export function NotificationBell() {
  const { t } = useTranslation();
  const actor = useActor();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const markAllRead = useMarkAllRead();
  const items = notifications.data?.items ?? [];
  const unread = notifications.data?.unread ?? 0;
  const seesDossiers = seesRegistry(actor);

  const open = (item: Notification) => {
    if (item.readAt === null) markRead.mutate([item.id]);
    close();
    if (item.dossierId) void navigate(seesDossiers ? `/dossiers/${item.dossierId}` : '/councils');
  };

  return (
    <Popover opened={opened} onChange={(value) => (value ? undefined : close())} position="bottom-end" width={360} shadow="md" withinPortal>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4} data-testid="unread-count" data-count={unread}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={t('notifications.open', { count: unread })}
            aria-expanded={opened}
            aria-haspopup="dialog"
          >
            <IconBell size={20} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} maw="calc(100vw - 16px)" role="dialog" aria-label={t('notifications.title')}>
        <Group justify="space-between" px="sm" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
          <Text fw={600} size="sm">
            {t('notifications.title')}
          </Text>
          {unread > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconChecks size={14} aria-hidden />}
              loading={markAllRead.isPending}
              onClick={() => markAllRead.mutate()}
            >
              {t('notifications.markAll')}
            </Button>
          )}
        </Group>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed" p="sm">
            {t('notifications.empty')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            <Stack gap={0}>
              {items.map((item) => (
                <NotificationItem key={item.id} item={item} onOpen={open} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
