import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { CLOSED_STATES } from '../../domain/evaluation/dossier-workflow.js';

/**
 * The day the product's open re-rating dossier was filed (the earliest, should there be several),
 * or null: what keeps a certificate in force past its expiry while the re-rating runs (Art. 12.3,
 * certificateStatus's `reratingPendingSince`). A correlated subquery, one indexed lookup per row.
 */
export const openReratingSince = (productId: AnyColumn | SQL) =>
  sql<string | null>`(select min(d.submitted_on) from dossiers d
    where d.product_id = ${productId} and d.kind = 'rerating' and d.submitted_on is not null
      and d.state not in (${sql.join(
        CLOSED_STATES.map((s) => sql`${s}`),
        sql`, `,
      )}))`;
