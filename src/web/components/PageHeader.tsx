import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** One step of the trail above a nested page's title; the last (the page itself) has no link. */
export type Crumb = { label: string; to?: string };

type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  back?: { to: string; label: string };
  /**
   * Where a nested page sits (Hồ sơ › Hạt sen sấy › Phiếu chấm): the pages above it, linked, then
   * the page itself. Shown instead of `back`, which stays the fallback for pages that give none.
   */
  breadcrumbs?: readonly Crumb[];
  /** Buttons on the right; they wrap under the title on a phone. */
  actions?: ReactNode;
};

export function PageHeader({ title, description, back, breadcrumbs, actions }: PageHeaderProps) {
  // The tab and screen-reader page title follow the page heading.
  useDocumentTitle(typeof title === 'string' ? `${title} · OCOP` : 'OCOP');
  const { t } = useTranslation();
  return (
    <Stack gap={4} mb="lg">
      {breadcrumbs?.length ? (
        <Breadcrumbs
          component="nav"
          aria-label={t('home.breadcrumbLabel')}
          separator={<IconChevronRight size={12} aria-hidden />}
          separatorMargin={4}
          data-testid="breadcrumbs"
          // Navigation: not on paper. Long titles (a sitting's name) wrap instead of running off a phone's screen.
          className="print-hidden"
          style={{ flexWrap: 'wrap', rowGap: 2 }}
          styles={{ breadcrumb: { whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: 0 } }}
        >
          {breadcrumbs.map((crumb, i) =>
            crumb.to && i < breadcrumbs.length - 1 ? (
              <Anchor key={i} component={Link} to={crumb.to} size="sm" c="dimmed">
                {crumb.label}
              </Anchor>
            ) : (
              <Text key={i} size="sm" c="dimmed" aria-current={i === breadcrumbs.length - 1 ? 'page' : undefined} lineClamp={1} maw="100%">
                {crumb.label}
              </Text>
            ),
          )}
        </Breadcrumbs>
      ) : back ? (
        <Anchor component={Link} to={back.to} size="sm" c="dimmed" w="fit-content">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            {back.label}
          </Group>
        </Anchor>
      ) : null}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={2} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" size="sm">
              {description}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
    </Stack>
  );
}
