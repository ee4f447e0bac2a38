import type { z } from 'zod';
import type { COUNCIL_SHEET_STATES, CouncilHome, ProducerHome } from '../../../contracts/home.js';
import type { CertificateStatus } from '../../../domain/certificates/validity.js';
import type { IsoDate } from '../../../domain/dates/calendar.js';
import { certificateStanding, type DossierFacts, type NextStep } from '../../../domain/evaluation/producer-next-step.js';
import type { DossierRow } from '../dossiers/dossiers.repository.js';
import type { homeRepository } from './home.repository.js';

type Rows<K extends keyof typeof homeRepository> = Awaited<ReturnType<(typeof homeRepository)[K]>>;

/** A product on its producer's home, with what the service worked out for it on the day. */
export type ProducerProductFacts = {
  product: Rows<'productsOf'>[number];
  /** Its current certificate (the latest not replaced) and that certificate's status on the day. */
  certificate: { row: Rows<'certificatesOf'>[number]; status: CertificateStatus } | null;
  /** The dossier that matters (the open one, else the latest) as the next step reads it. */
  dossier: (DossierFacts & { id: string }) | null;
  nextStep: NextStep;
};

/** A producer's first page: its products, each with its certificate, its dossier and the next step. */
export function presentProducerHome(today: IsoDate, subject: NonNullable<Rows<'subject'>>, products: ProducerProductFacts[]): z.infer<typeof ProducerHome> {
  return {
    today,
    subject,
    products: products.map(({ product: p, certificate, dossier, nextStep }) => ({
      id: p.id,
      name: p.name,
      ocopCode: p.ocopCode,
      certificate: certificate
        ? {
            id: certificate.row.id,
            number: certificate.row.number,
            star: certificate.row.star,
            issuedOn: certificate.row.issuedOn,
            expiresOn: certificate.row.expiresOn,
            status: certificate.status,
            standing: certificateStanding(certificate.status),
          }
        : null,
      dossier: dossier
        ? { id: dossier.id, kind: dossier.kind, state: dossier.state, missingPapers: [...dossier.missingPapers], openQuestions: dossier.openQuestions }
        : null,
      nextStep,
    })),
  };
}

/** A sitting on a member's home: the member's seat on its council and, per dossier, the member's own sheet. */
export type CouncilSessionFacts = {
  session: Rows<'sessionsOf'>[number];
  seat: Rows<'seatsOf'>[number];
  dossiers: { dossier: DossierRow; scoringRound: number; sheet: (typeof COUNCIL_SHEET_STATES)[number] }[];
};

/** A council member's first page: the sittings of the councils the member sits on, with the member's sheets. */
export function presentCouncilHome(today: IsoDate, sessions: CouncilSessionFacts[]): z.infer<typeof CouncilHome> {
  return {
    today,
    sessions: sessions.map(({ session, seat, dossiers }) => ({
      id: session.id,
      title: session.title,
      councilName: seat.councilName,
      position: seat.member.position,
      mode: session.mode,
      heldOn: session.heldOn,
      dueOn: session.writtenDeadline ?? session.heldOn,
      status: session.status,
      dossiers: dossiers.map(({ dossier: d, scoringRound, sheet }) => ({
        dossierId: d.id,
        productName: d.productName,
        subjectName: d.subjectName,
        scoringRound,
        sheet,
      })),
    })),
  };
}
