import { Select } from '@mantine/core';

/** The year a page's figures are for, chosen among `years` (see useYearParam). */
export function YearSelect({ label, years, year, setYear }: { label: string; years: string[]; year: number; setYear: (year: number) => void }) {
  return (
    <Select
      label={label}
      data={years}
      value={String(year)}
      onChange={(value) => value && setYear(Number(value))}
      allowDeselect={false}
      w={110}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
