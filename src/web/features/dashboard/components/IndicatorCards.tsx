import { Anchor, Button, Card, Group, Progress, RingProgress, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { INDICATOR_UNIT_LABELS, type IndicatorGroup, type IndicatorUnit } from '../../../../domain/indicators/index.js';
import { useLabel, type Label } from '../../../lib/i18n/index.js';
import { useIsPhone } from '../../../lib/responsive.js';
import type { IndicatorDefinition } from '../../../lib/reference.js';
import type { DashboardData } from '../api/dashboard.js';
import { formatIndicator } from '../utils/format-indicator.js';
import { DASHBOARD_TEXTS } from './texts.js';

type IndicatorValue = DashboardData['indicators'][number];

/** Shown first whatever the plan says; the rest of the catalogue folds away unless it has a target. */
const HEADLINE = [
  'products_evaluated',
  'products_recognised',
  'products_3_star',
  'products_4_star',
  'products_5_star',
  'subjects_recognised',
  'subjects_new',
  'certificates_valid',
  'sales_points',
  'subjects_ecommerce_share',
  'fairs',
  'fair_revenue',
  'support_granted',
  'people_trained',
];

/** The cards in two parts: the evaluation's results, then the market and the programme's other activities. */
const SECTIONS: { title: Label; groups: readonly IndicatorGroup[] }[] = [
  { title: DASHBOARD_TEXTS.resultsSection, groups: ['evaluation', 'producers', 'certificates'] },
  { title: DASHBOARD_TEXTS.activitiesSection, groups: ['development', 'market', 'support', 'communication', 'training'] },
];

/** Certificate figures open the list of certificates in that state. */
const LINKS: Record<string, string> = {
  certificates_valid: '/certificates?status=valid',
  certificates_expiring: '/certificates?status=expiring',
  certificates_revoked: '/certificates?status=revoked',
};

const isUnit = (unit: string): unit is IndicatorUnit => Object.hasOwn(INDICATOR_UNIT_LABELS, unit);

function IndicatorCard({ value, definition }: { value: IndicatorValue; definition: IndicatorDefinition | undefined }) {
  const { t } = useTranslation();
  const label = useLabel();
  const isPhone = useIsPhone();
  const unit = definition?.unit ?? '';
  const words = { billion: label(DASHBOARD_TEXTS.billion), million: label(DASHBOARD_TEXTS.million) };
  const unitLabel = isUnit(unit) && unit !== 'percent' ? label(INDICATOR_UNIT_LABELS[unit]) : '';
  const percent = value.value !== null && value.target ? Math.round((value.value / value.target) * 100) : null;
  const link = LINKS[value.code];
  const figure = (
    <Text fz={isPhone ? 24 : 28} fw={700} lh={1.1} data-testid={`indicator-value-${value.code}`}>
      {formatIndicator(value.value, unit, words)}
    </Text>
  );

  return (
    <Card withBorder padding={isPhone ? 'sm' : 'md'} radius="md" data-testid={`indicator-${value.code}`} style={{ minWidth: 0 }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Tooltip label={definition ? label(definition.definition) : value.code} multiline w={280} withArrow openDelay={300}>
            <Text size="sm" fw={500} c="dimmed" lineClamp={isPhone ? 4 : 2} tabIndex={0}>
              {definition ? label(definition.name) : value.code}
            </Text>
          </Tooltip>
          <Group gap={6} align="baseline" wrap="wrap">
            {link && value.value ? (
              <Anchor component={Link} to={link} underline="hover" c="inherit">
                {figure}
              </Anchor>
            ) : (
              figure
            )}
            {value.target !== null && (
              <Text size="sm" c="dimmed" data-testid={`indicator-target-${value.code}`}>
                / {formatIndicator(value.target, unit, words)}
              </Text>
            )}
            {unitLabel && (
              <Text size="sm" c="dimmed">
                {unitLabel}
              </Text>
            )}
          </Group>
          {value.target !== null && (
            <Text size="xs" c="dimmed">
              {t('dashboard.indicators.doneOfTarget')}
              {isPhone && percent !== null && ` · ${percent}\u00a0%`}
            </Text>
          )}
          {isPhone && percent !== null && (
            <Progress
              value={Math.min(100, percent)}
              color={percent >= 100 ? 'teal' : 'ocop'}
              size="sm"
              aria-label={t('dashboard.indicators.progress', { percent })}
            />
          )}
        </Stack>
        {percent !== null && !isPhone && (
          <RingProgress
            size={72}
            thickness={7}
            roundCaps
            sections={[{ value: Math.min(100, percent), color: percent >= 100 ? 'teal' : 'ocop' }]}
            label={
              <Text ta="center" size="xs" fw={700}>
                {percent}&nbsp;%
              </Text>
            }
            aria-label={t('dashboard.indicators.progress', { percent })}
          />
        )}
      </Group>
    </Card>
  );
}

/**
 * "Thực hiện / chỉ tiêu" for each indicator of the year, the evaluation's first, then the market and
 * activities; each part shows its headline figures and those the plan sets a target for, the rest on
 * request.
 */
export function IndicatorCards({ indicators, catalogue }: { indicators: readonly IndicatorValue[]; catalogue: readonly IndicatorDefinition[] }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [showAll, { toggle }] = useDisclosure(false);
  const byCode = new Map(catalogue.map((d) => [d.code, d]));
  const order = new Map(catalogue.map((d, i) => [d.code, i]));
  const sorted = [...indicators].sort((a, b) => (order.get(a.code) ?? 999) - (order.get(b.code) ?? 999));
  const isHeadline = (v: IndicatorValue) => HEADLINE.includes(v.code) || v.target !== null;
  const hidden = sorted.filter((v) => !isHeadline(v)).length;
  // Two small cards a row on a phone (the ring gives way to a bar there), more on wider screens.
  const grid = { base: 2, md: 3, xl: 4 } as const;
  const sections = SECTIONS.map((section) => ({
    title: label(section.title),
    // Until the catalogue has loaded, every figure waits in the first part.
    shown: sorted.filter((v) => (section.groups as readonly string[]).includes(byCode.get(v.code)?.group ?? 'evaluation') && (showAll || isHeadline(v))),
  })).filter((section) => section.shown.length > 0);

  return (
    <Stack gap="sm">
      {sections.map((section) => (
        <Stack gap="xs" key={section.title}>
          <Title order={3} fz="md" fw={600}>
            {section.title}
          </Title>
          <SimpleGrid cols={grid} spacing="sm">
            {section.shown.map((v) => (
              <IndicatorCard key={v.code} value={v} definition={byCode.get(v.code)} />
            ))}
          </SimpleGrid>
        </Stack>
      ))}
      {hidden > 0 && (
        <Button
          variant="subtle"
          size="sm"
          w="fit-content"
          onClick={toggle}
          aria-expanded={showAll}
          leftSection={showAll ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
        >
          {showAll ? t('dashboard.indicators.showFewer') : t('dashboard.indicators.showAll', { count: hidden })}
        </Button>
      )}
    </Stack>
  );
}
