import { ScrollArea, Tabs } from '@mantine/core';
import { IconBulb, IconChartFunnel, IconCoin, IconFileDescription, IconSchool, IconSpeakerphone } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';

export const SECTIONS = ['ideas', 'plans', 'funnel', 'support', 'communication', 'training'] as const;
export type Section = (typeof SECTIONS)[number];

const ICONS = {
  ideas: IconBulb,
  plans: IconFileDescription,
  funnel: IconChartFunnel,
  support: IconCoin,
  communication: IconSpeakerphone,
  training: IconSchool,
} as const;

/** The section a path under /activities belongs to. */
export const sectionOf = (pathname: string): Section => SECTIONS.find((s) => pathname.startsWith(`/activities/${s}`)) ?? 'ideas';

/**
 * The programme's activities under one tab bar: ideas and business plans, the funnel of the cycle,
 * support, communication and training. The bar scrolls sideways on a phone rather than wrapping.
 */
export function ActivitiesLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const section = sectionOf(useLocation().pathname);
  const viewport = useRef<HTMLDivElement>(null);
  // On a phone only the first tabs fit: bring the open section's tab into view.
  useEffect(() => {
    viewport.current?.querySelector('[data-active]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [section]);
  return (
    <Tabs value={section} onChange={(value) => value && value !== section && void navigate(`/activities/${value}`)} keepMounted={false}>
      <ScrollArea type="never" mb="lg" viewportRef={viewport}>
        <Tabs.List aria-label={t('programme.title')} style={{ flexWrap: 'nowrap' }}>
          {SECTIONS.map((s) => {
            const Icon = ICONS[s];
            return (
              <Tabs.Tab key={s} value={s} leftSection={<Icon size={16} aria-hidden />} style={{ whiteSpace: 'nowrap' }}>
                {t(`programme.tabs.${s}`)}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
      </ScrollArea>
      {SECTIONS.map((s) => (
        <Tabs.Panel key={s} value={s}>
          <Outlet />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
