import type { ComboboxItem, OptionsFilter } from '@mantine/core';
import { foldVietnamese } from '../../domain/text/vietnamese.js';

/** Select/MultiSelect filter that finds "Sa Đéc" from "sa dec", like the server's search. */
export const accentInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const needle = foldVietnamese(search);
  if (!needle) return options;
  return options.filter((option) => 'label' in option && foldVietnamese((option as ComboboxItem).label).includes(needle));
};

/** Disables the client-side filter when the server already searched. */
export const keepServerOrder: OptionsFilter = ({ options }) => options;
