import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { RegistryScope } from '../../domain/policies/index.js';
import { subjects } from '../db/schema/index.js';

/** The SQL form of a policy scope, over the subjects table (products join to it). */
export function subjectScopeWhere(scope: RegistryScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'province':
      return eq(subjects.provinceCode, scope.provinceCode);
    case 'communes':
      return scope.communeCodes.length ? inArray(subjects.communeCode, [...scope.communeCodes]) : sql`false`;
    case 'subject':
      return eq(subjects.id, scope.subjectId);
    case 'none':
      return sql`false`;
  }
}

/** Escapes LIKE wildcards in user input. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
