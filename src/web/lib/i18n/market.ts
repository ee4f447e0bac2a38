/**
 * The market feature's texts, Vietnamese first; `marketEn` must have the same keys (resources.test.ts).
 */
export const marketVi = {
  title: 'Thị trường',
};

export const marketEn: typeof marketVi = {
  title: 'Market',
};
