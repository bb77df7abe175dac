/**
 * fast-check arbitraries of valid records, for property tests here and in the evaluator. Every fact
 * is optional (absent facts are exercised), values are drawn from ranges that straddle the laws'
 * thresholds (600 / 800 m², 300 households a grid, 3000–4000 a community …). Test-only: imports
 * fast-check, so it is not re-exported from the package index.
 *
 * What they produce is the record as submitted (`ShequRecordInput`); `parsedRecordArbitrary` gives
 * the validated `ShequRecord` (defaults applied).
 */
import fc from 'fast-check';
import { CITY_KEYS, RECORD_KINDS, type RecordKind } from '../types.js';
import {
  CERTIFICATE_REQUESTERS,
  COMMUNITY_BODIES,
  COMMUNITY_SETTINGS,
  CONTRACT_TERMS,
  DISCLOSED_ITEMS,
  GRID_HEAD_ROLES,
  INSPECTION_FORMS,
  PUBLIC_SERVICES,
  RECRUITMENT_METHODS,
  REGISTRATION_PROCEDURES,
  SERVICE_BODY_HEAD_SELECTIONS,
  WINDOW_PRACTICES,
  WORKER_ASSESSMENT_CRITERIA,
  ESTABLISHMENT_DECIDERS,
  FACILITY_COMPONENTS,
  GRID_LEVELS,
  GRID_TYPES,
  INSPECTION_ORGANIZERS,
  INSPECTION_SCOPES,
  MANDATE_LEVELS,
  TARIFF_CLASSES,
  TASK_ASSIGNERS,
  TASK_CATEGORIES,
  TASK_ROLES,
  type CertificateRequestFactsInput,
  type CommunityFactsInput,
  type GridFactsInput,
  type InspectionFactsInput,
  type OrgRegistrationFactsInput,
  type ResidentialProjectFactsInput,
  type StreetOfficeFactsInput,
  type TaskFactsInput,
  type CommunityWorkerFactsInput,
  type ConsultationFactsInput,
  type ComplaintFactsInput,
  type GridCaseFactsInput,
  type EmergencyEventFactsInput,
  type CompoundFactsInput,
  type DepartmentReviewFactsInput,
  type PublicFacilityProjectFactsInput,
  type GovernmentBudgetFactsInput,
} from './facts.js';
import { MAX_ID_LENGTH, recordSchema, type RecordInputOfKind, type ShequRecord, type ShequRecordInput } from './record.js';

/** A real calendar date `YYYY-MM-DD` between 1990 and 2035 (leap days included). */
export const calendarDateArbitrary: fc.Arbitrary<string> = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** A record id: mostly realistic (`SY-0001`), sometimes any 1–200 character string. */
export const recordIdArbitrary: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Z]{2}-\d{4}$/), weight: 3 },
  { arbitrary: fc.string({ minLength: 1, maxLength: MAX_ID_LENGTH }), weight: 1 },
);

const count = (max: number) => fc.integer({ min: 0, max });
/** Integers and fractions alike: areas and amounts are any number ≥ 0. */
const amount = (max: number) => fc.oneof(fc.integer({ min: 0, max }), fc.double({ min: 0, max, noNaN: true }));
const year = fc.integer({ min: 1990, max: 2035 });
const setting = fc.constantFrom(...COMMUNITY_SETTINGS);
/** A subset of an enumeration, sometimes with repeats (the schema allows them), sometimes all of it. */
const subsetOf = <T extends string>(values: readonly T[]): fc.Arbitrary<T[]> =>
  fc.oneof(
    fc.subarray([...values]),
    fc.constant(values).map((all) => [...all]),
    fc.array(fc.constantFrom(...values), { maxLength: values.length + 2 }),
  );

export const communityFactsArbitrary: fc.Arbitrary<CommunityFactsInput> = fc.record(
  {
    setting,
    households: count(8000),
    serviceFacilityAreaSqm: amount(2000),
    facilityComponents: fc.array(fc.constantFrom(...FACILITY_COMPONENTS), { maxLength: 10 }),
    partyServiceStations: fc.array(fc.record({ areaSqm: amount(100) }), { maxLength: 4 }),
    hasGovernanceCenter: fc.boolean(),
    hasConsultationBody: fc.boolean(),
    hasServiceWindow: fc.boolean(),
    emergency: fc.record(
      { plan: fc.boolean(), team: fc.boolean(), supplies: fc.boolean(), drills: fc.boolean() },
      { requiredKeys: [] },
    ),
    gridLevels: fc.array(fc.constantFrom(...GRID_LEVELS), { maxLength: 5 }),
    utilityTariffs: fc.record(
      {
        water: fc.constantFrom(...TARIFF_CLASSES),
        electricity: fc.constantFrom(...TARIFF_CLASSES),
        gas: fc.constantFrom(...TARIFF_CLASSES),
        heating: fc.constantFrom(...TARIFF_CLASSES),
      },
      { requiredKeys: [] },
    ),
    budgets: fc.uniqueArray(fc.record({ year, amountYuan: amount(5_000_000) }), {
      maxLength: 5,
      selector: (budget) => budget.year,
    }),
    establishment: fc.record(
      {
        decidedBy: fc.constantFrom(...ESTABLISHMENT_DECIDERS),
        filedWithStandingCommittee: fc.boolean(),
        filedWithCityGovernment: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    socialOrgPremisesFeeYuan: fc.oneof(fc.constant(0), amount(10_000)),
    unauthorizedPlaques: fc.oneof(fc.constant(0), count(5)),
    residentConvention: fc.boolean(),
    linkageMechanism: fc.boolean(),
    informantSystem: fc.boolean(),
    infoSystemsLinked: fc.boolean(),
    patrioticHealthWorker: fc.boolean(),
    propertyCoordinationMechanism: fc.boolean(),
    consultationRules: fc.boolean(),
    volunteerTeams: count(4),
    residentsCommittees: count(3),
    enlargedReviewMeetingsPerYear: count(4),
    deputyVisitsPerYear: count(4),
    affairsDisclosure: fc.boolean(),
    contactPlaques: fc.boolean(),
    serviceBodyHeadSelection: fc.constantFrom(...SERVICE_BODY_HEAD_SELECTIONS),
    windowPractices: subsetOf(WINDOW_PRACTICES),
    workerAssessmentCriteria: subsetOf(WORKER_ASSESSMENT_CRITERIA),
    disclosedItems: subsetOf(DISCLOSED_ITEMS),
    publicServices: subsetOf(PUBLIC_SERVICES),
  },
  { requiredKeys: [] },
);

/** Pay set from the previous year's wage (as Guiyang wants), or from another year. */
const workerPay = fc
  .record({ setOn: calendarDateArbitrary, lag: fc.integer({ min: -1, max: 3 }) })
  .map(({ setOn, lag }) => ({ setOn, referenceWageYear: Number(setOn.slice(0, 4)) - lag }));

export const gridFactsArbitrary: fc.Arbitrary<GridFactsInput> = fc.record(
  {
    setting,
    type: fc.constantFrom(...GRID_TYPES),
    households: count(1000),
    gridHeads: count(3),
    gridWorkers: count(5),
    buildings: count(30),
    buildingsWithLeader: count(30),
    units: count(90),
    unitsWithLeader: count(90),
    leadersResideLocally: fc.boolean(),
    rosterPosted: fc.boolean(),
    workerPay,
    gridHeadRole: fc.constantFrom(...GRID_HEAD_ROLES),
  },
  { requiredKeys: [] },
);

export const streetOfficeFactsArbitrary: fc.Arbitrary<StreetOfficeFactsInput> = fc.record(
  {
    setting,
    compounds: count(60),
    emergencyMobileTeams: count(60),
    compoundsWithReserveTeam: count(60),
    drillsOrganized: fc.boolean(),
    enforcementStaff: count(3),
    propertyCoordinationMechanism: fc.boolean(),
    twoWayEvaluation: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** A stage's date, or `null` (not reached yet). */
const stage = fc.oneof({ arbitrary: calendarDateArbitrary, weight: 4 }, { arbitrary: fc.constant(null), weight: 1 });
const milestones = fc.record(
  {
    planning: stage,
    design: stage,
    construction: stage,
    acceptance: stage,
    delivery: stage,
  },
  { requiredKeys: [] },
);

export const residentialProjectFactsArbitrary: fc.Arbitrary<ResidentialProjectFactsInput> = fc.record(
  { isNew: fc.boolean(), project: milestones, facility: milestones },
  { requiredKeys: [] },
);

export const taskFactsArbitrary: fc.Arbitrary<TaskFactsInput> = fc.record(
  {
    setting,
    assignedBy: fc.constantFrom(...TASK_ASSIGNERS),
    assignee: fc.constantFrom(...COMMUNITY_BODIES),
    onDutyList: fc.boolean(),
    onAssistanceList: fc.boolean(),
    inServiceDirectory: fc.boolean(),
    admissionApproved: fc.boolean(),
    temporary: fc.boolean(),
    writtenCommission: fc.boolean(),
    fundingProvided: fc.boolean(),
    purchasedService: fc.boolean(),
    role: fc.constantFrom(...TASK_ROLES),
    category: fc.constantFrom(...TASK_CATEGORIES),
    contractSigned: fc.boolean(),
    contractTerms: subsetOf(CONTRACT_TERMS),
  },
  { requiredKeys: [] },
);

export const inspectionFactsArbitrary: fc.Arbitrary<InspectionFactsInput> = fc.record(
  {
    setting,
    organizer: fc.constantFrom(...INSPECTION_ORGANIZERS),
    target: fc.constantFrom(...COMMUNITY_BODIES),
    scope: fc.constantFrom(...INSPECTION_SCOPES),
    mandatedBy: fc.constantFrom(...MANDATE_LEVELS),
    oneVoteVeto: fc.boolean(),
    form: fc.constantFrom(...INSPECTION_FORMS),
    creationStandard: fc.boolean(),
    residentsConsulted: fc.boolean(),
  },
  { requiredKeys: [] },
);

export const certificateRequestFactsArbitrary: fc.Arbitrary<CertificateRequestFactsInput> = fc.record(
  {
    setting,
    requester: fc.constantFrom(...CERTIFICATE_REQUESTERS),
    onCertificateList: fc.boolean(),
    toEvadeResponsibility: fc.boolean(),
  },
  { requiredKeys: [] },
);

export const orgRegistrationFactsArbitrary: fc.Arbitrary<OrgRegistrationFactsInput> = fc.record(
  {
    setting,
    visits: fc.integer({ min: 0, max: 5 }),
    procedure: fc.constantFrom(...REGISTRATION_PROCEDURES),
    committeeConsulted: fc.boolean(),
    eligible: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Pay around its floor: below, at and above it (a few hundred yuan apart). */
export const communityWorkerFactsArbitrary: fc.Arbitrary<CommunityWorkerFactsInput> = fc.record(
  {
    setting,
    fullTime: fc.boolean(),
    recruitment: fc.constantFrom(...RECRUITMENT_METHODS),
    preServiceTrained: fc.boolean(),
    monthlyPayYuan: fc.oneof(fc.constant(2000), amount(6000)),
    payFloorYuan: fc.oneof(fc.constant(2000), amount(6000)),
    socialInsurance: fc.boolean(),
    fiveInsurancesOneFund: fc.boolean(),
  },
  { requiredKeys: [] },
);

export const consultationFactsArbitrary: fc.Arbitrary<ConsultationFactsInput> = fc.record(
  { setting, majorPublicInterest: fc.boolean(), consultationHeld: fc.boolean() },
  { requiredKeys: [] },
);

export const complaintFactsArbitrary: fc.Arbitrary<ComplaintFactsInput> = fc.record(
  { setting, handled: fc.boolean(), resultNotified: fc.boolean() },
  { requiredKeys: [] },
);

export const gridCaseFactsArbitrary: fc.Arbitrary<GridCaseFactsInput> = fc.record(
  { setting, departmentAccepted: fc.boolean(), handledWithinDeadline: fc.boolean(), feedbackGiven: fc.boolean() },
  { requiredKeys: [] },
);

export const emergencyEventFactsArbitrary: fc.Arbitrary<EmergencyEventFactsInput> = fc.record(
  { setting, responseActivated: fc.boolean(), infoReported: fc.boolean() },
  { requiredKeys: [] },
);

export const compoundFactsArbitrary: fc.Arbitrary<CompoundFactsInput> = fc.record(
  {
    setting,
    hasPropertyServiceProvider: fc.boolean(),
    hasSelfGovernanceOrg: fc.boolean(),
    hasOwnersCommittee: fc.boolean(),
    hasPropertyManagementCommittee: fc.boolean(),
  },
  { requiredKeys: [] },
);

export const departmentReviewFactsArbitrary: fc.Arbitrary<DepartmentReviewFactsInput> = fc.record(
  {
    setting,
    communityOpinionsHeard: fc.boolean(),
    committeeOpinionsHeard: fc.boolean(),
    residentRepOpinionsHeard: fc.boolean(),
  },
  { requiredKeys: [] },
);

export const publicFacilityProjectFactsArbitrary: fc.Arbitrary<PublicFacilityProjectFactsInput> = fc.record(
  { setting, residentsConsulted: fc.boolean() },
  { requiredKeys: [] },
);

export const governmentBudgetFactsArbitrary: fc.Arbitrary<GovernmentBudgetFactsInput> = fc.record(
  {
    year,
    communityFundsBudgeted: fc.boolean(),
    purchasedServicesBudgeted: fc.boolean(),
    socialOrgIncubationFundYuan: fc.oneof(fc.constant(0), amount(1_000_000)),
  },
  { requiredKeys: [] },
);

/** The facts arbitrary of each kind. */
export const factsArbitraries = {
  community: communityFactsArbitrary,
  grid: gridFactsArbitrary,
  streetOffice: streetOfficeFactsArbitrary,
  residentialProject: residentialProjectFactsArbitrary,
  task: taskFactsArbitrary,
  inspection: inspectionFactsArbitrary,
  certificateRequest: certificateRequestFactsArbitrary,
  orgRegistration: orgRegistrationFactsArbitrary,
  communityWorker: communityWorkerFactsArbitrary,
  consultation: consultationFactsArbitrary,
  complaint: complaintFactsArbitrary,
  gridCase: gridCaseFactsArbitrary,
  emergencyEvent: emergencyEventFactsArbitrary,
  compound: compoundFactsArbitrary,
  departmentReview: departmentReviewFactsArbitrary,
  publicFacilityProject: publicFacilityProjectFactsArbitrary,
  governmentBudget: governmentBudgetFactsArbitrary,
} satisfies { [K in RecordKind]: fc.Arbitrary<RecordInputOfKind<K>['facts']> };

/** A valid record of one kind, as submitted: `asOf` and `facts` sometimes absent. */
function recordOfKind<K extends RecordKind, F>(kind: K, facts: fc.Arbitrary<F>) {
  return fc.record(
    {
      id: recordIdArbitrary,
      city: fc.constantFrom(...CITY_KEYS),
      kind: fc.constant(kind),
      asOf: calendarDateArbitrary,
      facts,
    },
    { requiredKeys: ['id', 'city', 'kind'] },
  );
}

/** A valid record arbitrary per kind, e.g. `recordArbitraries.grid`. */
export const recordArbitraries = {
  community: recordOfKind('community', communityFactsArbitrary),
  grid: recordOfKind('grid', gridFactsArbitrary),
  streetOffice: recordOfKind('streetOffice', streetOfficeFactsArbitrary),
  residentialProject: recordOfKind('residentialProject', residentialProjectFactsArbitrary),
  task: recordOfKind('task', taskFactsArbitrary),
  inspection: recordOfKind('inspection', inspectionFactsArbitrary),
  certificateRequest: recordOfKind('certificateRequest', certificateRequestFactsArbitrary),
  orgRegistration: recordOfKind('orgRegistration', orgRegistrationFactsArbitrary),
  communityWorker: recordOfKind('communityWorker', communityWorkerFactsArbitrary),
  consultation: recordOfKind('consultation', consultationFactsArbitrary),
  complaint: recordOfKind('complaint', complaintFactsArbitrary),
  gridCase: recordOfKind('gridCase', gridCaseFactsArbitrary),
  emergencyEvent: recordOfKind('emergencyEvent', emergencyEventFactsArbitrary),
  compound: recordOfKind('compound', compoundFactsArbitrary),
  departmentReview: recordOfKind('departmentReview', departmentReviewFactsArbitrary),
  publicFacilityProject: recordOfKind('publicFacilityProject', publicFacilityProjectFactsArbitrary),
  governmentBudget: recordOfKind('governmentBudget', governmentBudgetFactsArbitrary),
} satisfies { [K in RecordKind]: fc.Arbitrary<RecordInputOfKind<K>> };

/** A valid record of any kind, as submitted. */
export const recordArbitrary: fc.Arbitrary<ShequRecordInput> = fc.oneof(
  ...RECORD_KINDS.map((kind): fc.Arbitrary<ShequRecordInput> => recordArbitraries[kind]),
);

/** A valid record of any kind after validation (defaults applied, `facts` present). */
export const parsedRecordArbitrary: fc.Arbitrary<ShequRecord> = recordArbitrary.map((record) =>
  recordSchema.parse(record),
);
