/** The catalogue searches the load benchmarks ask for. */

/** Searches as visitors type them: with and without accents, misspelled; with filters; by relevance, star or name; first pages. */
export function catalogueMix(communes: string[]) {
  const kinds = [
    ['bánh phồng tôm', 'banh phong tom', 'banh phong tomm'],
    ['mật ong', 'mat ong', 'mat ongg'],
    ['trà', 'tra', 'traa'],
    ['gạo', 'gao', 'gaoo'],
    ['hạt sen', 'hat sen', 'hat senn'],
    ['xoài', 'xoai', 'xoaii'],
    ['nước mắm', 'nuoc mam', 'nuoc mamm'],
    ['bưởi', 'buoi', 'buoii'],
    ['khô cá', 'kho ca', 'kho caa'],
    ['kẹo dừa', 'keo dua', 'keo duaa'],
  ];
  const filters = ['', '&star=3', '&star=4', '&star=5', '&sector=1', '&sector=2', '&sector=3', '&valid=0', ...communes.slice(0, 2).map((c) => `&commune=${c}`)];
  const paths: string[] = [];
  for (const variants of kinds)
    for (const q of variants)
      for (const filter of filters)
        for (const sort of ['', '&sort=star', '&sort=name'])
          for (const page of [1, 2, 3]) paths.push(`/san-pham?q=${encodeURIComponent(q)}${filter}${sort}${page > 1 ? `&page=${page}` : ''}`);
  return paths;
}

export const popularSearches = (communes: string[]) =>
  (
    [
      ['bánh phồng tôm', ''],
      ['banh phong tom', ''],
      ['banh phong tomm', ''],
      ['mat ong', '&star=4'],
      ['tra', '&sector=2'],
      ['gao', `&commune=${communes[0]}`],
      ['hat sen', '&sort=star'],
      ['xoai', '&sort=name'],
    ] as const
  ).map(([q, extra]) => `/san-pham?q=${encodeURIComponent(q)}${extra}`);
