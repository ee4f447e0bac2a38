/**
 * The programme feature's texts, Vietnamese first; `programmeEn` must have the same keys (resources.test.ts).
 */
export const programmeVi = {
  title: 'Hoạt động chương trình',
};

export const programmeEn: typeof programmeVi = {
  title: 'Programme activities',
};
