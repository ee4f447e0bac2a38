import { Button, Group } from '@mantine/core';
import { IconBuildingStore, IconShoppingCart, IconTent } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';

export const MARKET_SECTIONS = ['sales-points', 'listings', 'trade-events'] as const;
type Section = (typeof MARKET_SECTIONS)[number];

const ICONS = { 'sales-points': IconBuildingStore, listings: IconShoppingCart, 'trade-events': IconTent } as const;
const LABEL_KEYS = { 'sales-points': 'market.tabs.salesPoints', listings: 'market.tabs.listings', 'trade-events': 'market.tabs.tradeEvents' } as const;

/** The section of /market/<section>/… a path is in. */
const sectionOf = (pathname: string): Section | null =>
  MARKET_SECTIONS.find((s) => pathname === `/market/${s}` || pathname.startsWith(`/market/${s}/`)) ?? null;

/**
 * The market's three record books, a bar of links above every page of the section (links, not
 * tabs: each opens a page of its own, and the back button walks them).
 */
export function MarketLayout() {
  const { t } = useTranslation();
  const current = sectionOf(useLocation().pathname);
  return (
    <>
      <Group
        component="nav"
        aria-label={t('market.tabs.label')}
        gap={4}
        mb="md"
        pb={4}
        className="print-hidden"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        {MARKET_SECTIONS.map((section) => {
          const Icon = ICONS[section];
          const active = section === current;
          return (
            <Button
              key={section}
              component={Link}
              to={`/market/${section}`}
              aria-current={active ? 'page' : undefined}
              variant={active ? 'light' : 'subtle'}
              color={active ? undefined : 'gray'}
              leftSection={<Icon size={16} aria-hidden />}
            >
              {t(LABEL_KEYS[section])}
            </Button>
          );
        })}
      </Group>
      <Outlet />
    </>
  );
}
