import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse } from '../../../contracts/common.js';
import { ExportFileResponse } from '../../../contracts/exports.js';
import {
  DistributionListing,
  DistributionListingExportQuery,
  DistributionListingInput,
  DistributionListingList,
  DistributionListingUpdate,
  DistributionListQuery,
  EcommerceListing,
  EcommerceListingExportQuery,
  EcommerceListingInput,
  EcommerceListingList,
  EcommerceListingUpdate,
  ListingListQuery,
  ListingReviewInput,
  WhereToBuy,
} from '../../../contracts/market.js';
import { sendTableExport } from '../../lib/table-export.js';
import { distributionListingExport, ecommerceListingExport } from './listings.export.js';
import type { ListingsService } from './listings.service.js';

const tags = ['Thị trường / Market'];
/** Everyone of the registry: the office and officers keep listings, a producer sees its own and proposes e-commerce ones. */
const REGISTRY_USERS = ['admin', 'officer', 'producer'] as const;

export const listingsRoutes: FastifyPluginAsyncZod<{ listings: ListingsService }> = async (app, { listings }) => {
  app.get(
    '/listings/ecommerce',
    {
      config: { access: REGISTRY_USERS },
      schema: { tags, summary: 'E-commerce listings of the products the caller sees', querystring: ListingListQuery, response: { 200: EcommerceListingList } },
    },
    (req) => listings.listEcommerce(req.actor, req.query),
  );
  app.get(
    '/listings/ecommerce/export',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every e-commerce listing matching the list’s filters',
        querystring: EcommerceListingExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...ecommerceListingExport, format: req.query.format, rows: listings.exportEcommerce(req.actor, req.query) }),
  );
  app.post(
    '/listings/ecommerce',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Record an e-commerce listing (approved when the office or the commune’s officer records it, proposed when the producer does)',
        body: EcommerceListingInput,
        response: { 201: EcommerceListing },
      },
    },
    async (req, reply) => reply.status(201).send(await listings.createEcommerce(req.actor, req.auditActor, req.body)),
  );
  app.put(
    '/listings/ecommerce/:id',
    { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, body: EcommerceListingUpdate, response: { 200: EcommerceListing } } },
    (req) => listings.updateEcommerce(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete(
    '/listings/ecommerce/:id',
    { config: { access: REGISTRY_USERS }, schema: { tags, params: IdParams, response: { 200: OkResponse } } },
    async (req) => {
      await listings.removeEcommerce(req.actor, req.auditActor, req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/listings/ecommerce/:id/review',
    {
      config: { access: ['admin', 'officer'] },
      schema: { tags, summary: 'Approve or reject a listing', params: IdParams, body: ListingReviewInput, response: { 200: EcommerceListing } },
    },
    (req) => listings.reviewEcommerce(req.actor, req.auditActor, req.params.id, req.body),
  );

  app.get(
    '/listings/distribution',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Supermarket and retail chain listings of the products the caller sees',
        querystring: DistributionListQuery,
        response: { 200: DistributionListingList },
      },
    },
    (req) => listings.listDistribution(req.actor, req.query),
  );
  app.get(
    '/listings/distribution/export',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Export the list (XLSX or CSV): every chain listing matching the list’s filters',
        querystring: DistributionListingExportQuery,
        response: { 200: ExportFileResponse },
      },
    },
    (req, reply) => sendTableExport(reply, { ...distributionListingExport, format: req.query.format, rows: listings.exportDistribution(req.actor, req.query) }),
  );
  app.post(
    '/listings/distribution',
    {
      config: { access: ['admin', 'officer'] },
      schema: { tags, summary: 'Record a product on the shelves of a chain', body: DistributionListingInput, response: { 201: DistributionListing } },
    },
    async (req, reply) => reply.status(201).send(await listings.createDistribution(req.actor, req.auditActor, req.body)),
  );
  app.put(
    '/listings/distribution/:id',
    { config: { access: ['admin', 'officer'] }, schema: { tags, params: IdParams, body: DistributionListingUpdate, response: { 200: DistributionListing } } },
    (req) => listings.updateDistribution(req.actor, req.auditActor, req.params.id, req.body),
  );
  app.delete(
    '/listings/distribution/:id',
    { config: { access: ['admin', 'officer'] }, schema: { tags, params: IdParams, response: { 200: OkResponse } } },
    async (req) => {
      await listings.removeDistribution(req.actor, req.auditActor, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/products/:id/where-to-buy',
    {
      config: { access: REGISTRY_USERS },
      schema: {
        tags,
        summary: 'Where to buy a product: consented sales points, chains, approved e-commerce pages',
        params: IdParams,
        response: { 200: WhereToBuy },
      },
    },
    (req) => listings.whereToBuy(req.actor, req.params.id),
  );
};
