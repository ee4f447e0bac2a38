import { criterionAnchor } from './criteria-tree.js';

/** Brings a criterion's card to the middle of the screen and puts the keyboard on its options. */
export function scrollToCriterion(code: string): void {
  const card = document.getElementById(criterionAnchor(code));
  if (!card) return;
  card.scrollIntoView({ behavior: 'smooth', block: 'center' });
  card.querySelector<HTMLElement>('[role="radio"]')?.focus({ preventScroll: true });
}
