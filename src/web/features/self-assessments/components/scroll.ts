import { criterionAnchor } from '../../criteria/index.js';

/** Brings a criterion's card to the middle of the screen and puts the keyboard on its options. */
export function scrollToCriterion(code: string): void {
  const card = document.getElementById(criterionAnchor(code));
  if (!card) return;
  card.scrollIntoView({ behavior: 'smooth', block: 'center' });
  card.querySelector<HTMLElement>('[role="radio"]')?.focus({ preventScroll: true });
}

export const RESULT_PANEL_ID = 'sheet-result';

export function scrollToResult(): void {
  document.getElementById(RESULT_PANEL_ID)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}
