import { AppShell, Avatar, Burger, Group, Menu, NavLink, ScrollArea, Stack, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingStore,
  IconCalendarEvent,
  IconCertificate,
  IconChecklist,
  IconChevronDown,
  IconClipboardList,
  IconFileImport,
  IconFolders,
  IconGavel,
  IconKey,
  IconLayoutDashboard,
  IconMapPin,
  IconLeaf,
  IconLogout,
  IconPackage,
  IconShoppingCart,
  IconSpeakerphone,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { mayUseArea, ROLE_LABELS, type Area } from '../../domain/policies/index.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { NotificationBell } from '../features/notifications/index.js';
import { useLabel } from '../lib/i18n/index.js';
import { notifySuccess } from '../lib/notify.js';
import { useAppInfo } from '../lib/reference.js';
import { useActor, useCurrentUser, useSignOut } from '../lib/session.js';
import { personInitials } from '../lib/text.js';

type NavKey =
  | 'dashboard'
  | 'subjects'
  | 'products'
  | 'dossiers'
  | 'councils'
  | 'decisions'
  | 'certificates'
  | 'plans'
  | 'market'
  | 'activities'
  | 'calendar'
  | 'imports'
  | 'criteria'
  | 'users'
  | 'national';
/** `area`: shown to those who may use it (mayUseArea); without one, to everyone signed in. */
type NavItem = { to: string; labelKey: `nav.${NavKey}`; icon: ComponentType<{ size?: number }>; area?: Area };

const NAV_ITEMS: readonly NavItem[] = [
  { to: '/dashboard', labelKey: 'nav.dashboard', icon: IconLayoutDashboard },
  // The ministry's office: every province side by side.
  { to: '/national', labelKey: 'nav.national', icon: IconMapPin, area: 'national' },
  { to: '/subjects', labelKey: 'nav.subjects', icon: IconBuildingStore, area: 'registry' },
  { to: '/products', labelKey: 'nav.products', icon: IconPackage, area: 'registry' },
  { to: '/dossiers', labelKey: 'nav.dossiers', icon: IconFolders, area: 'registry' },
  { to: '/councils', labelKey: 'nav.councils', icon: IconUsersGroup, area: 'councils' },
  { to: '/decisions', labelKey: 'nav.decisions', icon: IconGavel, area: 'office' },
  { to: '/certificates', labelKey: 'nav.certificates', icon: IconCertificate, area: 'registry' },
  { to: '/plans', labelKey: 'nav.plans', icon: IconClipboardList, area: 'programme' },
  { to: '/market', labelKey: 'nav.market', icon: IconShoppingCart, area: 'programme' },
  { to: '/activities', labelKey: 'nav.activities', icon: IconSpeakerphone, area: 'programme' },
  // The office edits the working-day calendar deadlines are counted on; commune officers see it.
  { to: '/calendar', labelKey: 'nav.calendar', icon: IconCalendarEvent, area: 'programme' },
  { to: '/imports', labelKey: 'nav.imports', icon: IconFileImport, area: 'office' },
  { to: '/criteria', labelKey: 'nav.criteria', icon: IconChecklist },
  { to: '/users', labelKey: 'nav.users', icon: IconUsers, area: 'office' },
];

function UserMenu() {
  const { t } = useTranslation();
  const label = useLabel();
  const user = useCurrentUser();
  const { role } = useActor();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const roleLabel = label(ROLE_LABELS[role]);

  return (
    <Menu position="bottom-end" width={260} shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.open', { name: user.fullName })} className="user-menu-button">
          <Group gap="xs" wrap="nowrap">
            <Avatar color="ocop" radius="xl" size="sm">
              {personInitials(user.fullName)}
            </Avatar>
            <Stack gap={0} visibleFrom="sm" style={{ minWidth: 0, maxWidth: 220 }}>
              <Text size="sm" fw={500} truncate>
                {user.fullName}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {roleLabel}
              </Text>
            </Stack>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('userMenu.signedInAs')}</Menu.Label>
        <Text size="sm" px="sm" fw={500}>
          {user.fullName}
        </Text>
        <Text size="xs" px="sm" c="dimmed">
          {user.email}
        </Text>
        <Text size="xs" px="sm" pb="xs" c="ocop.8" data-testid="current-role">
          {roleLabel}
        </Text>
        <Menu.Divider />
        <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => void navigate('/change-password')}>
          {t('userMenu.changePassword')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() =>
            void signOut().then(() => {
              notifySuccess(t('userMenu.signedOut'));
              return navigate('/login', { replace: true });
            })
          }
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

function isActive(pathname: string, to: string): boolean {
  return pathname === to || pathname.startsWith(`${to}/`);
}

/** Header (province, language, user menu) and navigation; the navigation folds behind a burger on a phone. */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const { pathname } = useLocation();
  const actor = useActor();
  const info = useAppInfo();
  const items = NAV_ITEMS.filter((item) => !item.area || mayUseArea(actor, item.area));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding={{ base: 'sm', sm: 'lg' }}>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className="print-hidden">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/dashboard" style={{ minWidth: 0 }}>
              <Group gap="xs" wrap="nowrap">
                <ThemeIcon size="lg" radius="md" aria-hidden>
                  <IconLeaf size={20} />
                </ThemeIcon>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={700} lh={1.1}>
                    {t('app.name')}
                    <VisuallyHidden> — </VisuallyHidden>
                  </Text>
                  <Text size="xs" c="dimmed" truncate lh={1.2}>
                    {info.data?.provinceName ?? t('app.fullName')}
                  </Text>
                </Stack>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className="print-hidden" id="main-navigation" aria-label={t('nav.main')} component="nav">
        <AppShell.Section grow component={ScrollArea}>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={t(item.labelKey)}
              leftSection={<item.icon size={18} />}
              active={isActive(pathname, item.to)}
              aria-current={isActive(pathname, item.to) ? 'page' : undefined}
              onClick={nav.close}
              variant="light"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
              mb={4}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Text size="xs" c="dimmed" px="xs">
            {t('app.fullName')}
            {info.data ? ` · v${info.data.version}` : ''}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} bg="var(--mantine-color-gray-0)">
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
