import { eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { RegistryScope } from '../../domain/policies/index.js';
import { subjects } from './schema/index.js';

/** The columns that place a record: its province, its commune, and the subject it belongs to. */
export type ScopeColumns = { provinceCode: AnyColumn; communeCode: AnyColumn; subjectId: AnyColumn };

const SUBJECT_COLUMNS: ScopeColumns = { provinceCode: subjects.provinceCode, communeCode: subjects.communeCode, subjectId: subjects.id };

/** The SQL form of a policy scope, over the subjects table by default (products join to it). */
export function subjectScopeWhere(scope: RegistryScope, columns: ScopeColumns = SUBJECT_COLUMNS): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'province':
      return eq(columns.provinceCode, scope.provinceCode);
    case 'communes':
      return scope.communeCodes.length ? inArray(columns.communeCode, [...scope.communeCodes]) : sql`false`;
    case 'subject':
      return eq(columns.subjectId, scope.subjectId);
    case 'none':
      return sql`false`;
  }
}

/** Escapes LIKE wildcards in user input. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
