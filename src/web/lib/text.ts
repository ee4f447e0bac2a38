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

/**
 * Avatar initials of a person: family name and given name, the way Vietnamese names are read
 * ("Lê Văn Sen" → "LS": family name first, given name last, middle names skipped). Only the
 * personal name counts: whatever follows in parentheses, after a comma or a dash (the person's
 * organisation or title, "Lê Văn Sen (HTX Sen Tháp Mười)") is ignored. A single word gives one letter.
 */
export function personInitials(fullName: string | null | undefined): string {
  const personal = (fullName ?? '')
    .replace(/\([^)]*\)?/gu, ' ')
    .split(/,|\s[-–—]\s/u)[0]!
    .trim();
  const words = personal.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return '?';
  const letter = (word: string) => [...word.normalize('NFC')].find((ch) => /\p{L}/u.test(ch))!.toLocaleUpperCase('vi');
  return words.length === 1 ? letter(words[0]!) : `${letter(words[0]!)}${letter(words.at(-1)!)}`;
}

/**
 * Who did something, for histories and timelines: the person's full name; their e-mail (the
 * recorded label) goes in the tooltip. Without a name (account deleted, "system") the label is shown.
 */
export function actorText(entry: { actorLabel: string; actorName?: string | null }): { text: string; title: string | undefined } {
  const name = entry.actorName?.trim();
  return name ? { text: name, title: entry.actorLabel } : { text: entry.actorLabel, title: undefined };
}
