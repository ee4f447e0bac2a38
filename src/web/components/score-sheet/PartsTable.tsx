import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatPoints } from '../../lib/format.js';
import type { SheetResult } from './types.js';

/** Points per part (A/B/C) against their maxima; shared by the self-assessment and council results. */
export function PartsTable({ result }: { result: Pick<SheetResult, 'partDetails'> }) {
  const { t } = useTranslation();
  return (
    <Table highlightOnHover={false} verticalSpacing={6} data-testid="result-parts">
      <Table.Tbody>
        {result.partDetails.map((part) => (
          <Table.Tr key={part.code}>
            <Table.Td w={70} fw={600}>
              {t('selfAssessment.summary.part', { code: part.code })}
            </Table.Td>
            <Table.Td>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {part.label}
              </Text>
            </Table.Td>
            <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {formatPoints(part.points)}/{formatPoints(part.maxPoints)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
