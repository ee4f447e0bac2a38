import { describe, expect, it } from 'vitest';
import { ANONYMOUS, isOcopOffice, type Actor, type UserActor } from './actors.js';
import {
  AREAS,
  canCreateSubjects,
  canEditPlans,
  isProducer,
  mayUseArea,
  officeLevel,
  runsCouncils,
  seesCouncils,
  seesProgramme,
  seesRegistry,
  type Area,
} from './navigation.js';

const user = (role: UserActor['role'], extra: Partial<UserActor> = {}): UserActor => ({
  kind: 'user',
  userId: `u-${role}`,
  role,
  provinceCode: '82',
  communeCodes: [],
  subjectId: null,
  ...extra,
});

const provinceAdmin = user('admin');
const ministryAdmin = user('admin', { provinceCode: null });
const officer = user('officer', { communeCodes: ['29905'] });
const producer = user('producer', { subjectId: 's1' });
const council = user('council');
const centralCouncil = user('council', { provinceCode: null });

const ACTORS: [string, Actor][] = [
  ['province office', provinceAdmin],
  ['ministry office', ministryAdmin],
  ['commune officer', officer],
  ['producer', producer],
  ['council member', council],
  ['central council member', centralCouncil],
  ['anonymous', ANONYMOUS],
];

type Expected = {
  seesRegistry: boolean;
  seesCouncils: boolean;
  seesProgramme: boolean;
  canCreateSubjects: boolean;
  isOcopOffice: boolean;
  canEditPlans: boolean;
  runsCouncils: boolean;
  isProducer: boolean;
  officeLevel: 'ministry' | 'province' | null;
};

const EXPECTED: Record<string, Expected> = {
  // prettier-ignore
  'province office':        { seesRegistry: true,  seesCouncils: true,  seesProgramme: true,  canCreateSubjects: true,  isOcopOffice: true,  canEditPlans: true,  runsCouncils: true,  isProducer: false, officeLevel: 'province' },
  // prettier-ignore
  'ministry office':        { seesRegistry: true,  seesCouncils: true,  seesProgramme: true,  canCreateSubjects: true,  isOcopOffice: true,  canEditPlans: true,  runsCouncils: true,  isProducer: false, officeLevel: 'ministry' },
  // prettier-ignore
  'commune officer':        { seesRegistry: true,  seesCouncils: false, seesProgramme: true,  canCreateSubjects: true,  isOcopOffice: false, canEditPlans: false, runsCouncils: false, isProducer: false, officeLevel: null },
  // prettier-ignore
  producer:                 { seesRegistry: true,  seesCouncils: false, seesProgramme: false, canCreateSubjects: false, isOcopOffice: false, canEditPlans: false, runsCouncils: false, isProducer: true,  officeLevel: null },
  // prettier-ignore
  'council member':         { seesRegistry: false, seesCouncils: true,  seesProgramme: false, canCreateSubjects: false, isOcopOffice: false, canEditPlans: false, runsCouncils: false, isProducer: false, officeLevel: null },
  // prettier-ignore
  'central council member': { seesRegistry: false, seesCouncils: true,  seesProgramme: false, canCreateSubjects: false, isOcopOffice: false, canEditPlans: false, runsCouncils: false, isProducer: false, officeLevel: null },
  // prettier-ignore
  anonymous:                { seesRegistry: false, seesCouncils: false, seesProgramme: false, canCreateSubjects: false, isOcopOffice: false, canEditPlans: false, runsCouncils: false, isProducer: false, officeLevel: null },
};

describe('navigation policies', () => {
  it.each(ACTORS)('%s', (name, actor) => {
    expect({
      seesRegistry: seesRegistry(actor),
      seesCouncils: seesCouncils(actor),
      seesProgramme: seesProgramme(actor),
      canCreateSubjects: canCreateSubjects(actor),
      isOcopOffice: isOcopOffice(actor),
      canEditPlans: canEditPlans(actor),
      runsCouncils: runsCouncils(actor),
      isProducer: isProducer(actor),
      officeLevel: officeLevel(actor),
    }).toEqual(EXPECTED[name]);
  });
});

describe('areas of the web app', () => {
  // prettier-ignore
  const AREA_TABLE: [string, Actor, Record<Area, boolean>][] = [
    ['province office', provinceAdmin, { registry: true,  councils: true,  programme: true,  'subject-registration': true,  office: true, national: false }],
    ['ministry office', ministryAdmin, { registry: true,  councils: true,  programme: true,  'subject-registration': true,  office: true, national: true  }],
    ['commune officer', officer,       { registry: true,  councils: false, programme: true,  'subject-registration': true,  office: false, national: false }],
    ['producer',        producer,      { registry: true,  councils: false, programme: false, 'subject-registration': false, office: false, national: false }],
    ['council member',  council,       { registry: false, councils: true,  programme: false, 'subject-registration': false, office: false, national: false }],
    ['anonymous',       ANONYMOUS,     { registry: false, councils: false, programme: false, 'subject-registration': false, office: false, national: false }],
  ];

  it.each(AREA_TABLE)('%s', (_, actor, expected) => {
    expect(Object.fromEntries(AREAS.map((area) => [area, mayUseArea(actor, area)]))).toEqual(expected);
  });
});
