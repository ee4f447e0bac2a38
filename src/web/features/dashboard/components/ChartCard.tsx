import { ActionIcon, Card, Center, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconChartBarOff, IconDownload, IconFileSpreadsheet, IconPhoto } from '@tabler/icons-react';
import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText, downloadUrl, fileSlug, toCsv, type CsvTable } from '../utils/export.js';
import type { ChartInstance } from './echarts.js';

type ChartCardProps = {
  title: string;
  /** What the chart counts and what a click opens: every chart card has one under its title. */
  description: string;
  /** File names start with this (accents folded), then the year. */
  fileName: string;
  chartRef: RefObject<ChartInstance | null>;
  /** The chart's figures as a table, for the CSV export. */
  csv: () => CsvTable;
  /** Nothing to draw: the card says so and offers no export. */
  empty: boolean;
  /** False while the card shows a table instead of the chart. */
  pngAvailable?: boolean;
  /** Switches shown beside the title (map or table, which figure). */
  controls?: ReactNode;
  testId: string;
  children: ReactNode;
};

/** A titled card around one chart, with its PNG and CSV exports in a small menu. */
export function ChartCard({ title, description, fileName, chartRef, csv, empty, pngAvailable = true, controls, testId, children }: ChartCardProps) {
  const { t } = useTranslation();
  const base = fileSlug(fileName);

  const exportPng = () => {
    const chart = chartRef.current;
    if (chart) downloadUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }), `${base}.png`);
  };
  const exportCsv = () => downloadText(toCsv(csv()), `${base}.csv`);

  return (
    <Card withBorder radius="md" padding="md" data-testid={testId} style={{ minWidth: 0 }}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs" mb="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={3} fz="md" fw={600}>
            {title}
          </Title>
          <Text size="xs" c="dimmed" data-testid="chart-subtitle">
            {description}
          </Text>
        </Stack>
        <Menu position="bottom-end" shadow="md" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('dashboard.export.menu', { title })} disabled={empty}>
              <IconDownload size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPhoto size={16} aria-hidden />} onClick={exportPng} disabled={!pngAvailable}>
              {t('dashboard.export.png')}
            </Menu.Item>
            <Menu.Item leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={exportCsv}>
              {t('dashboard.export.csv')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      {controls && <Group mb="xs">{controls}</Group>}
      {empty ? <NoData /> : children}
    </Card>
  );
}

export function NoData() {
  const { t } = useTranslation();
  return (
    <Center mih={200}>
      <Stack align="center" gap={4}>
        <IconChartBarOff size={32} color="var(--mantine-color-gray-5)" aria-hidden />
        <Text c="dimmed" size="sm">
          {t('dashboard.noData')}
        </Text>
      </Stack>
    </Center>
  );
}
