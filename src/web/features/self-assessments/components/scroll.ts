export const RESULT_PANEL_ID = 'sheet-result';

export function scrollToResult(): void {
  document.getElementById(RESULT_PANEL_ID)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
