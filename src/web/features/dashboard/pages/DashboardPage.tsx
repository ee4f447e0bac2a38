import { Alert, Button, Card, Group, Loader, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBuildingStore,
  IconCertificate,
  IconFolders,
  IconInfoCircle,
  IconMapPin,
  IconPackage,
  IconPlus,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canCreateSubjects, isOcopOffice, seesNationalFigures, seesProgramme, seesRegistry } from '../../../../domain/policies/index.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { SectionCard } from '../../../components/SectionCard.js';
import { formatNumber } from '../../../lib/format.js';
import { toActor, useCurrentUser } from '../../../lib/session.js';
import { useTotal } from '../api/counts.js';

/** Charts and indicators for the office and officers, in their own chunk with ECharts. */
const ProgrammeDashboard = lazy(() => import('../components/ProgrammeDashboard.js'));

type CountCardProps = { to: string; label: string; icon: ReactNode; total: number | undefined; loading: boolean; testId: string };

function CountCard({ to, label, icon, total, loading, testId }: CountCardProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component={Link} to={to} style={{ textDecoration: 'none' }}>
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Text size="sm" c="dimmed" fw={500}>
            {label}
          </Text>
          {loading ? (
            <Loader size="sm" />
          ) : (
            <Text fz={32} fw={700} lh={1.1} data-testid={testId}>
              {formatNumber(total ?? 0)}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('dashboard.scope')}
          </Text>
        </Stack>
        <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
    </Card>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const actor = toActor(user);
  const usesRegistry = seesRegistry(actor);
  const isOffice = isOcopOffice(actor);
  const followsProgramme = seesProgramme(actor);
  const subjects = useTotal('subjects', usesRegistry);
  const products = useTotal('products', usesRegistry);
  const users = useTotal('users', isOffice);

  return (
    <Stack>
      <Stack gap={4} mb="sm">
        <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
          {t('dashboard.welcome', { name: user.fullName })}
        </Title>
        <Text c="dimmed">{t('dashboard.intro')}</Text>
      </Stack>

      {seesNationalFigures(actor) && (
        <Card withBorder padding="lg" component={Link} to="/national" style={{ textDecoration: 'none' }} data-testid="national-link">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2}>
              <Text fw={600} size="lg">
                {t('national.link')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('national.linkHint')}
              </Text>
            </Stack>
            <ThemeIcon size={48} radius="md" variant="light" aria-hidden>
              <IconMapPin size={26} />
            </ThemeIcon>
          </Group>
        </Card>
      )}

      {!usesRegistry ? (
        <Alert icon={<IconInfoCircle aria-hidden />} color="blue">
          <Stack gap="xs" align="flex-start">
            {t('dashboard.councilNote')}
            <Button component={Link} to="/councils" size="xs" leftSection={<IconUsersGroup size={14} aria-hidden />}>
              {t('nav.councils')}
            </Button>
          </Stack>
        </Alert>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
            <CountCard
              to="/subjects"
              label={t('dashboard.subjects')}
              icon={<IconBuildingStore size={26} />}
              total={subjects.data}
              loading={subjects.isPending}
              testId="count-subjects"
            />
            <CountCard
              to="/products"
              label={t('dashboard.products')}
              icon={<IconPackage size={26} />}
              total={products.data}
              loading={products.isPending}
              testId="count-products"
            />
            {isOffice && (
              <CountCard
                to="/users"
                label={t('dashboard.users')}
                icon={<IconUsers size={26} />}
                total={users.data}
                loading={users.isPending}
                testId="count-users"
              />
            )}
          </SimpleGrid>
          {followsProgramme && (
            <Suspense fallback={<PageLoader />}>
              <ProgrammeDashboard />
            </Suspense>
          )}
          <SectionCard title={t('dashboard.quickLinks')}>
            <Group gap="sm">
              {canCreateSubjects(actor) && (
                <Button component={Link} to="/subjects/new" leftSection={<IconPlus size={16} aria-hidden />} variant="light">
                  {t('subjects.new')}
                </Button>
              )}
              <Button component={Link} to="/products/new" leftSection={<IconPlus size={16} aria-hidden />} variant="light">
                {t('products.new')}
              </Button>
              <Button component={Link} to="/subjects" variant="default" leftSection={<IconBuildingStore size={16} aria-hidden />}>
                {t('subjects.title')}
              </Button>
              <Button component={Link} to="/products" variant="default" leftSection={<IconPackage size={16} aria-hidden />}>
                {t('products.title')}
              </Button>
              <Button component={Link} to="/dossiers" variant="default" leftSection={<IconFolders size={16} aria-hidden />}>
                {t('nav.dossiers')}
              </Button>
              <Button component={Link} to="/certificates" variant="default" leftSection={<IconCertificate size={16} aria-hidden />}>
                {t('nav.certificates')}
              </Button>
              {isOffice && (
                <Button component={Link} to="/users/new" variant="default" leftSection={<IconUsers size={16} aria-hidden />}>
                  {t('users.new')}
                </Button>
              )}
            </Group>
          </SectionCard>
        </>
      )}
    </Stack>
  );
}
