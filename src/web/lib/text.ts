import type { ComboboxItem, ComboboxParsedItem, ComboboxParsedItemGroup, OptionsFilter } from '@mantine/core';
import { foldVietnamese } from '../../domain/text/vietnamese.js';

const isGroup = (item: ComboboxParsedItem): item is ComboboxParsedItemGroup => 'group' in item;

/** Select/MultiSelect filter that finds "Sa Đéc" from "sa dec", like the server's search; keeps groups. */
export const accentInsensitiveFilter: OptionsFilter = ({ options, search }) => {
  const needle = foldVietnamese(search);
  if (!needle) return options;
  const matches = (item: ComboboxItem) => foldVietnamese(item.label).includes(needle);
  return options.flatMap((option): ComboboxParsedItem[] => {
    if (!isGroup(option)) return matches(option) ? [option] : [];
    const items = option.items.filter(matches);
    return items.length ? [{ ...option, items }] : [];
  });
};

/** Disables the client-side filter when the server already searched. */
export const keepServerOrder: OptionsFilter = ({ options }) => options;
