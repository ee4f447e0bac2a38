/**
 * Texts of everyday displays (council declaration summary, actors in histories), Vietnamese first;
 * `everydayEn` must have the same keys (resources.test.ts).
 */
export const everydayVi = {
  declaredOf: '{{declared}}/{{total}} thành viên đã khai báo',
  declared: '{{declared}} thành viên đã khai báo',
  conflicted: '{{count}} có xung đột lợi ích ({{names}})',
  noConflict: 'không ai có xung đột lợi ích',
};

export const everydayEn: typeof everydayVi = {
  declaredOf: '{{declared}}/{{total}} members have declared',
  declared: 'Members who have declared: {{declared}}',
  conflicted: '{{count}} declared a conflict of interest ({{names}})',
  noConflict: 'no conflict of interest declared',
};
