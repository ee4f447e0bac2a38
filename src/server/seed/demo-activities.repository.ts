import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../db/client.js';
import { inChunks } from '../db/insert-many.js';
import {
  businessPlans,
  communicationItems,
  distributionListings,
  ecommerceListings,
  productIdeas,
  salesPointProducts,
  salesPoints,
  supportGrants,
  supportPolicies,
  tradeEventParticipants,
  tradeEventProducts,
  tradeEvents,
  trainingAttendees,
  trainingCourses,
} from '../db/schema/index.js';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export type DemoProduct = { id: string; name: string; subjectId: string; communeCode: string; firstIssued: string };

/**
 * Bulk writes of the demo's market and programme records, and the reads they start from. Only for
 * loading the demo into a fresh database.
 */
export const demoActivitiesRepository = {
  /** Products of the province holding a certificate in force on `day`, with their first certificate's day. */
  certifiedProducts: (tx: DbOrTx, provinceCode: string, day: string) =>
    queryRows<DemoProduct>(
      tx,
      sql`select p.id, p.name, p.subject_id as "subjectId", s.commune_code as "communeCode",
                 (select min(f.issued_on)::text from certificates f where f.product_id = p.id) as "firstIssued"
            from certificates c
            join products p on p.id = c.product_id
            join subjects s on s.id = p.subject_id
           where c.province_code = ${provinceCode} and c.revoked_on is null and c.superseded_on is null
             and c.issued_on <= ${day} and c.expires_on >= ${day}
           order by p.ocop_code, p.sort_key`,
    ),

  insertSalesPoints: (tx: DbOrTx, rows: Insert<typeof salesPoints>[]) => inChunks(rows, 200, (c) => tx.insert(salesPoints).values(c)),
  insertCarried: (tx: DbOrTx, rows: Insert<typeof salesPointProducts>[]) => inChunks(rows, 500, (c) => tx.insert(salesPointProducts).values(c)),
  insertChains: (tx: DbOrTx, rows: Insert<typeof distributionListings>[]) => inChunks(rows, 300, (c) => tx.insert(distributionListings).values(c)),
  insertOnline: (tx: DbOrTx, rows: Insert<typeof ecommerceListings>[]) => inChunks(rows, 300, (c) => tx.insert(ecommerceListings).values(c)),
  insertEvents: (tx: DbOrTx, rows: Insert<typeof tradeEvents>[]) => inChunks(rows, 200, (c) => tx.insert(tradeEvents).values(c)),
  insertParticipants: (tx: DbOrTx, rows: Insert<typeof tradeEventParticipants>[]) => inChunks(rows, 500, (c) => tx.insert(tradeEventParticipants).values(c)),
  insertEventProducts: (tx: DbOrTx, rows: Insert<typeof tradeEventProducts>[]) => inChunks(rows, 500, (c) => tx.insert(tradeEventProducts).values(c)),
  insertIdeas: (tx: DbOrTx, rows: Insert<typeof productIdeas>[]) => inChunks(rows, 200, (c) => tx.insert(productIdeas).values(c)),
  insertPlans: (tx: DbOrTx, rows: Insert<typeof businessPlans>[]) => inChunks(rows, 200, (c) => tx.insert(businessPlans).values(c)),
  insertPolicies: (tx: DbOrTx, rows: Insert<typeof supportPolicies>[]) => inChunks(rows, 200, (c) => tx.insert(supportPolicies).values(c)),
  insertGrants: (tx: DbOrTx, rows: Insert<typeof supportGrants>[]) => inChunks(rows, 200, (c) => tx.insert(supportGrants).values(c)),
  insertCommunication: (tx: DbOrTx, rows: Insert<typeof communicationItems>[]) => inChunks(rows, 200, (c) => tx.insert(communicationItems).values(c)),
  insertCourses: (tx: DbOrTx, rows: Insert<typeof trainingCourses>[]) => inChunks(rows, 200, (c) => tx.insert(trainingCourses).values(c)),
  insertAttendees: (tx: DbOrTx, rows: Insert<typeof trainingAttendees>[]) => inChunks(rows, 500, (c) => tx.insert(trainingAttendees).values(c)),
};
