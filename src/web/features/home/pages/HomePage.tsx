import { homeOf } from '../../../../domain/policies/index.js';
import { useActor } from '../../../lib/session.js';
import { DashboardPage } from '../../dashboard/index.js';
import { CouncilHomePage } from './CouncilHomePage.js';
import { ProducerHomePage } from './ProducerHomePage.js';

/** The first page after signing in: a producer's own products, a council member's own sheets, the office's dashboard. */
export function HomePage() {
  const actor = useActor();
  switch (homeOf(actor)) {
    case 'producer':
      return <ProducerHomePage />;
    case 'council':
      return <CouncilHomePage />;
    default:
      return <DashboardPage />;
  }
}
