import type { z } from 'zod';
import type { CouncilHome, ProducerHome } from '../../../contracts/home.js';
import { certificateStatus, type CertificateFacts } from '../../../domain/certificates/validity.js';
import { vietnamDate } from '../../../domain/dates/calendar.js';
import { forbidden, notFound } from '../../../domain/errors.js';
import { mayScore } from '../../../domain/evaluation/council-rules.js';
import { checklistStatus, requiredDocuments } from '../../../domain/evaluation/dossier-documents.js';
import { CLOSED_STATES, producerEdits, type DossierKind, type DossierState } from '../../../domain/evaluation/dossier-workflow.js';
import { producerNextStep, type DossierFacts } from '../../../domain/evaluation/producer-next-step.js';
import { homeSeatsOf, ownSubjectOf, type Actor } from '../../../domain/policies/index.js';
import type { Db } from '../../db/client.js';
import { certificatesRepository } from '../certificates/certificates.repository.js';
import { documentsRepository } from '../documents/documents.repository.js';
import { dossiersRepository } from '../dossiers/dossiers.repository.js';
import { presentCouncilHome, presentProducerHome } from './home.presenter.js';
import { homeRepository as repo } from './home.repository.js';

/** A member's home lists every open sitting and the latest closed ones. */
const CLOSED_SESSIONS_SHOWN = 5;

/**
 * The first page of a producer and of a council member: only the caller's own records, read through
 * the policies' `ownSubjectOf` and `homeSeatsOf` (an account of another role has nothing here).
 */
export function createHomeService(db: Db, clock: () => Date) {
  return {
    async producer(actor: Actor): Promise<z.infer<typeof ProducerHome>> {
      const subjectId = ownSubjectOf(actor);
      if (!subjectId) throw forbidden();
      const subject = await repo.subject(db, subjectId);
      if (!subject) throw notFound({ vi: 'chủ thể', en: 'producer' });
      const today = vietnamDate(clock());
      const products = await repo.productsOf(db, subjectId);
      const ids = products.map((p) => p.id);
      const [certificates, dossiers, pending, papersOnFile] = await Promise.all([
        repo.certificatesOf(db, ids),
        repo.dossiersOf(db, ids),
        certificatesRepository.pendingRerating(db, ids),
        documentsRepository.ofSubject(db, subjectId),
      ]);
      // The dossier that matters: the open one (at most one per product), else the latest.
      const chosen = new Map<string, (typeof dossiers)[number]>();
      for (const d of dossiers) {
        const current = chosen.get(d.productId);
        const open = !CLOSED_STATES.includes(d.state as DossierState);
        if (!current || (open && CLOSED_STATES.includes(current.state as DossierState))) chosen.set(d.productId, d);
      }
      const chosenIds = [...chosen.values()].map((d) => d.id);
      const [rows, questions] = await Promise.all([dossiersRepository.getMany(db, chosenIds), repo.openQuestions(db, chosenIds)]);
      const rowOf = new Map(rows.map((r) => [r.id, r]));

      return presentProducerHome(
        today,
        subject,
        products.map((p) => {
          const certificates_ = certificates.filter((c) => c.productId === p.id);
          const withFacts = certificates_.map((c) => {
            const facts: CertificateFacts = { ...c, reratingPendingSince: pending.get(p.id) ?? null };
            return { c, facts, status: certificateStatus(facts, today) };
          });
          const current = withFacts.find((x) => x.status !== 'superseded') ?? null;
          const picked = chosen.get(p.id);
          const row = picked ? rowOf.get(picked.id) : undefined;
          let dossier: (DossierFacts & { id: string }) | null = null;
          if (picked && row) {
            const state = row.state as DossierState;
            const kind = row.kind as DossierKind;
            // The papers the producer would file now: its own and the product's, valid today (Art. 6, 7.3a).
            const missing = producerEdits(state)
              ? checklistStatus(
                  requiredDocuments(row.setNumber, kind),
                  papersOnFile.filter((d) => d.productId === null || d.productId === p.id),
                  today,
                ).missing
              : [];
            dossier = {
              id: row.id,
              state,
              kind,
              missingPapers: missing,
              openQuestions: questions.get(row.id) ?? 0,
              selfAssessed: picked.selfAssessmentCompletedAt !== null,
            };
          }
          return {
            product: p,
            certificate: current ? { row: current.c, status: current.status } : null,
            dossier,
            nextStep: producerNextStep({ dossier, certificate: current?.facts ?? null }, today),
          };
        }),
      );
    },

    async council(actor: Actor): Promise<z.infer<typeof CouncilHome>> {
      const userId = homeSeatsOf(actor);
      if (!userId) throw forbidden();
      const today = vietnamDate(clock());
      const seats = await repo.seatsOf(db, userId);
      const seatOf = new Map(seats.map((s) => [s.member.councilId, s]));
      const all = await repo.sessionsOf(db, [...seatOf.keys()]);
      const sessions = [...all.filter((s) => s.status === 'open'), ...all.filter((s) => s.status !== 'open').slice(0, CLOSED_SESSIONS_SHOWN)];
      const memberIds = seats.map((s) => s.member.id);
      const [links, sheets, declarations] = await Promise.all([
        repo.links(
          db,
          sessions.map((s) => s.id),
        ),
        repo.ownSheets(db, memberIds),
        repo.ownDeclarations(db, memberIds),
      ]);
      const dossiers = new Map((await dossiersRepository.getMany(db, [...new Set(links.map((l) => l.dossierId))])).map((d) => [d.id, d]));

      return presentCouncilHome(
        today,
        sessions.map((session) => {
          const seat = seatOf.get(session.councilId)!;
          const me = seat.member;
          return {
            session,
            seat,
            dossiers: links
              .filter((l) => l.sessionId === session.id && dossiers.has(l.dossierId))
              .map((l) => {
                const d = dossiers.get(l.dossierId)!;
                // Art. 7.3b, 4.2: a secretary, a conflicted member or one of the producer's own people fills no sheet.
                const standing = mayScore(
                  me,
                  d.subjectName,
                  declarations.find((x) => x.sessionId === session.id && x.dossierId === l.dossierId && x.memberId === me.id),
                );
                const sheet = sheets.find(
                  (s) => s.sessionId === session.id && s.dossierId === l.dossierId && s.memberId === me.id && s.scoringRound === l.scoringRound,
                );
                // Not yet declared: the declaration is the next step, the sheet opens only after it.
                const state =
                  sheet?.status === 'submitted'
                    ? ('locked' as const)
                    : standing === 'declare_first'
                      ? ('to_declare' as const)
                      : standing !== 'yes'
                        ? ('excused' as const)
                        : sheet
                          ? ('draft' as const)
                          : ('to_fill' as const);
                return { dossier: d, scoringRound: l.scoringRound, sheet: state };
              }),
          };
        }),
      );
    },
  };
}

export type HomeService = ReturnType<typeof createHomeService>;
