import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconDownload, IconFileSpreadsheet, IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../contracts/exports.js';
import { apiDownload, type QueryParams } from '../lib/api/client.js';
import { notifyError } from '../lib/notify.js';

type ExportMenuProps = {
  /** The list's API path, e.g. `/subjects`; the file comes from `<path>/export`. */
  path: string;
  /** The filters the page shows the list with (paging aside): the file has every matching row. */
  filters?: QueryParams;
};

/** "Xuất dữ liệu": the list on screen, with its filters, as an Excel or CSV file. */
export function ExportMenu({ path, filters = {} }: ExportMenuProps) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<ExportFormat | null>(null);

  const download = async (format: ExportFormat) => {
    setPending(format);
    try {
      await apiDownload(`${path}/export`, { ...filters, format });
    } catch (error) {
      notifyError(error);
    } finally {
      setPending(null);
    }
  };

  return (
    <Menu position="bottom-end" shadow="md" width={200}>
      <Menu.Target>
        <Button
          variant="default"
          loading={pending !== null}
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
          title={t('exports.hint')}
          data-testid="export-menu"
        >
          {t('exports.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} aria-hidden />} onClick={() => void download('xlsx')}>
          {t('exports.xlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileTypeCsv size={16} aria-hidden />} onClick={() => void download('csv')}>
          {t('exports.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
