import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Deep teal-green of the lotus-pond province, lightest to darkest; index 7 is the primary shade. */
const ocopGreen: MantineColorsTuple = ['#e7f6f2', '#d2ebe4', '#a6d6c8', '#76c0ab', '#4fae93', '#35a283', '#229b7a', '#0f8569', '#0b6e5f', '#005a4c'];

/**
 * A calm administrative look: white cards on a light grey page, one strong colour. System fonts
 * only (no download); "Be Vietnam Pro" is used when the machine has it, and every fallback renders
 * Vietnamese diacritics properly.
 */
export const theme = createTheme({
  primaryColor: 'ocop',
  primaryShade: { light: 8, dark: 6 },
  colors: { ocop: ocopGreen },
  fontFamily: '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: '"Be Vietnam Pro", system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    fontWeight: '650',
  },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Card: { defaultProps: { shadow: 'xs' } },
    // Sentence case reads better than capitals in Vietnamese, whose diacritics crowd upper-case letters.
    Badge: { defaultProps: { variant: 'light' }, styles: { root: { textTransform: 'none', flexShrink: 0, minWidth: 'max-content' } } },
    TextInput: { defaultProps: { size: 'sm' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
  },
});
