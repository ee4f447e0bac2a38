import type { TestApp } from '../../../test/support/app.js';
import type { World } from './fixtures.js';

/**
 * The market records the authorization matrix probes, made through the API as the office, the
 * commune's officer and producer A would; returned by name into `world.activity`.
 */
export async function buildMarketRecords(_t: TestApp, _w: World): Promise<Record<string, string>> {
  return {};
}
