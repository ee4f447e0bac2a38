import type { CommunicationItem } from '../../../contracts/programme.js';
import type { CommunicationKind } from '../../../domain/programme/index.js';
import type { CommunicationRow } from './communication.repository.js';

export const presentCommunicationItem = (row: CommunicationRow): CommunicationItem => ({
  id: row.id,
  provinceCode: row.provinceCode,
  externalCode: row.externalCode,
  kind: row.kind as CommunicationKind,
  title: row.title,
  channel: row.channel,
  publishedOn: row.publishedOn,
  quantity: row.quantity,
  url: row.url,
  note: row.note,
  updatedAt: row.updatedAt.toISOString(),
});
