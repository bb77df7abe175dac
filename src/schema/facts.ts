/**
 * The facts of each record kind, as in `shared/spec/records.md` ("Kinds and their facts"). Every
 * fact is optional (absent = unknown to the checks), inside object facts too; the members of array
 * elements (`areaSqm`, `year`, `amountYuan`) and both members of `workerPay` are required.
 */
import * as z from 'zod';
import type { RecordKind } from '../types.js';
import {
  arrayOf,
  boolean,
  calendarDate,
  integer,
  integerAtLeast,
  nonNegativeNumber,
  objectOf,
  oneOf,
  strictObject,
  type ObjectFactory,
} from './common.js';

// ---------------------------------------------------------------------------------------------
// Enumerations (public API spellings)

export const COMMUNITY_SETTINGS = ['urban', 'rural'] as const;
export const FACILITY_COMPONENTS = [
  'serviceHall',
  'policeOffice',
  'committeeOffice',
  'residentActivityRoom',
  'partyServiceCenter',
  'civilizationPracticeStation',
  'volunteerStation',
  'readingRoom',
] as const;
export const GRID_LEVELS = ['community', 'compound', 'building', 'unit'] as const;
/** `none`: the community does not use that utility (nothing is charged). */
export const TARIFF_CLASSES = ['residential', 'commercial', 'other', 'none'] as const;
export const ESTABLISHMENT_DECIDERS = ['districtGovernment', 'other'] as const;
export const GRID_TYPES = ['comprehensive', 'dedicated'] as const;
export const TASK_ASSIGNERS = [
  'cityGovernment',
  'districtGovernment',
  'department',
  'streetOffice',
  'townshipGovernment',
  'communityServiceBody',
  'enterprise',
  'socialOrganization',
  'other',
] as const;
export const COMMUNITY_BODIES = ['community', 'residentsCommittee', 'communityServiceBody'] as const;
export const TASK_ROLES = ['responsibleSubject', 'assisting'] as const;
export const TASK_CATEGORIES = [
  'administrativeEnforcement',
  'demolition',
  'environmentalRemediation',
  'urbanManagement',
  'investmentAttraction',
  'other',
] as const;
export const INSPECTION_ORGANIZERS = [
  'cityGovernment',
  'districtGovernment',
  'department',
  'streetOffice',
  'communityServiceBody',
  'other',
] as const;
/** 检查 · 考核 · 评比. */
export const INSPECTION_FORMS = ['inspection', 'assessment', 'ranking'] as const;
export const INSPECTION_SCOPES = ['communityDuties', 'specializedAffairs', 'other'] as const;
export const MANDATE_LEVELS = ['national', 'provincial', 'municipal', 'none'] as const;
export const CERTIFICATE_REQUESTERS = [
  'department',
  'enterprise',
  'institution',
  'socialOrganization',
  'individual',
  'other',
] as const;
export const SERVICE_BODY_HEAD_SELECTIONS = ['openRecommendationElection', 'appointment', 'other'] as const;
export const WINDOW_PRACTICES = ['openProcedures', 'oneStop', 'firstContactResponsibility'] as const;
export const WORKER_ASSESSMENT_CRITERIA = ['performance', 'residentSatisfaction', 'other'] as const;
export const DISCLOSED_ITEMS = ['services', 'management', 'assessment'] as const;
export const PUBLIC_SERVICES = [
  'laborEmployment',
  'socialSecurity',
  'educationHealth',
  'housingSecurity',
  'cultureSports',
  'publicSafety',
  'publicLegalServices',
] as const;
export const GRID_HEAD_ROLES = ['partyOrCommitteeMember', 'otherCommunityWorker', 'other'] as const;
export const CONTRACT_TERMS = ['serviceItems', 'quality', 'term', 'price', 'payment'] as const;
export const REGISTRATION_PROCEDURES = ['registration', 'filing'] as const;
export const RECRUITMENT_METHODS = ['openRecruitment', 'appointment', 'other'] as const;
/** The milestones of a residential project and of its community facility, in order. */
export const MILESTONES = ['planning', 'design', 'construction', 'acceptance', 'delivery'] as const;

// ---------------------------------------------------------------------------------------------
// Schemas, built once per object mode (strict / lenient)

/** Builds the facts schemas of every kind with the given object factory. Call at module level only. */
export function buildFactsSchemas(object: ObjectFactory) {
  const facts = <S extends z.core.$ZodLooseShape>(kind: RecordKind, shape: S) =>
    objectOf(object, shape, `an object (the '${kind}' facts)`);
  const count = (description: string) => integerAtLeast(0).describe(description).optional();
  const flag = (description: string) => boolean().describe(description).optional();
  const list = <const T extends readonly [string, ...string[]]>(values: T, what: string, description: string) =>
    arrayOf(oneOf(values), what).describe(description).optional();
  // Every kind that concerns one community carries its setting (Tonghua 第四十四条: 参照 for rural).
  const setting = () =>
    oneOf(COMMUNITY_SETTINGS)
      .default('urban')
      .describe('urban community (the default, a value), or rural (a township / village community)');

  const budgetEntry = objectOf(object, {
    year: integer().describe('Budget year'),
    amountYuan: nonNegativeNumber().describe('Amount in yuan'),
  });
  const budgets = arrayOf(budgetEntry, 'budgets { year, amountYuan }').superRefine((entries, ctx) => {
    // The error points at the repeated entry's year, naming where the year first appeared.
    const firstIndex = new Map<number, number>();
    entries.forEach((entry, index) => {
      const first = firstIndex.get(entry.year);
      if (first === undefined) {
        firstIndex.set(entry.year, index);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path: [index, 'year'],
        input: entry.year,
        message: `duplicate budget year ${entry.year} (already given at index ${first}); each year may appear once`,
      });
    });
  });

  // A stage not reached yet is `null`; an absent stage is unknown.
  const stage = (description: string) =>
    calendarDate().nullable().describe(`${description}; null = not reached yet`).optional();
  const milestones = (whose: string) =>
    objectOf(object, {
      planning: stage(`Date the ${whose} planning was approved`),
      design: stage(`Date the ${whose} design was completed`),
      construction: stage(`Date ${whose} construction started`),
      acceptance: stage(`Date the ${whose} was accepted`),
      delivery: stage(`Date the ${whose} was delivered / put into use`),
    });

  const community = facts('community', {
    setting: setting(),
    households: count('Number of households (户)'),
    serviceFacilityAreaSqm: nonNegativeNumber()
      .describe(
        'Building area (m²) of the comprehensive service facilities, excluding special-purpose facilities such as health service centres and home-based elderly care',
      )
      .optional(),
    facilityComponents: arrayOf(oneOf(FACILITY_COMPONENTS), 'facility components')
      .describe('Components the service facilities include (服务大厅, 警务室, …)')
      .optional(),
    partyServiceStations: arrayOf(
      objectOf(object, { areaSqm: nonNegativeNumber().describe('Building area in m²') }),
      'stations { areaSqm }',
    )
      .describe('Party-mass service stations inside residential compounds')
      .optional(),
    hasGovernanceCenter: flag('Has a grassroots governance centre'),
    hasConsultationBody: flag('Has a consultation (协商) committee or body'),
    hasServiceWindow: flag('Has a one-stop service window'),
    emergency: objectOf(object, {
      plan: flag('Has an emergency plan (应急预案)'),
      team: flag('Has an emergency team'),
      supplies: flag('Keeps emergency supplies'),
      drills: flag('Holds emergency drills'),
    }).optional(),
    gridLevels: arrayOf(oneOf(GRID_LEVELS), 'grid levels')
      .describe('Levels of the grid system: community, compound, building, unit')
      .optional(),
    utilityTariffs: objectOf(object, {
      water: oneOf(TARIFF_CLASSES).optional(),
      electricity: oneOf(TARIFF_CLASSES).optional(),
      gas: oneOf(TARIFF_CLASSES).optional(),
      heating: oneOf(TARIFF_CLASSES).optional(),
    })
      .describe('Tariff class charged for the community premises’ utilities')
      .optional(),
    budgets: budgets.describe('Work budgets by year; each year once').optional(),
    establishment: objectOf(object, {
      decidedBy: oneOf(ESTABLISHMENT_DECIDERS).optional(),
      filedWithStandingCommittee: flag('Filed with the standing committee of the people’s congress'),
      filedWithCityGovernment: flag('Filed with the city government'),
    })
      .describe('How the community was established')
      .optional(),
    socialOrgPremisesFeeYuan: nonNegativeNumber()
      .describe('Fee (yuan) charged to social organisations for premises')
      .optional(),
    unauthorizedPlaques: count('Work bodies set up or plaques hung without authorisation'),
    residentConvention: flag('Has a resident convention (居民公约)'),
    linkageMechanism: flag('Has a linkage mechanism with departments (联动机制)'),
    informantSystem: flag('Has an informant (信息员) system'),
    infoSystemsLinked: flag('Its information systems are linked / shared'),
    patrioticHealthWorker: flag('Has a patriotic-health (爱国卫生) worker'),
    propertyCoordinationMechanism: flag('Has a property-management coordination mechanism'),
    consultationRules: flag('Has consultation rules (协商议事规则)'),
    volunteerTeams: count('Volunteer teams (志愿服务队伍)'),
    residentsCommittees: count('Residents committees (居民委员会) in the community'),
    enlargedReviewMeetingsPerYear: count('Enlarged review meetings (扩大会议) held a year'),
    deputyVisitsPerYear: count('Visits by people’s congress deputies a year'),
    affairsDisclosure: flag('Discloses its affairs publicly (居务公开)'),
    contactPlaques: flag('Posts contact plaques (联系牌)'),
    serviceBodyHeadSelection: oneOf(SERVICE_BODY_HEAD_SELECTIONS)
      .describe('How the head of the community service body is selected')
      .optional(),
    windowPractices: list(WINDOW_PRACTICES, 'window practices', 'Practices of the service window (公开办事程序, 一站式, 首问负责)'),
    workerAssessmentCriteria: list(
      WORKER_ASSESSMENT_CRITERIA,
      'assessment criteria',
      'What community workers are assessed on (工作实绩, 居民满意度, …)',
    ),
    disclosedItems: list(DISCLOSED_ITEMS, 'disclosed items', 'What is disclosed publicly (服务, 管理, 考核)'),
    publicServices: list(PUBLIC_SERVICES, 'public services', 'Basic public services offered in the community'),
  });

  const grid = facts('grid', {
    setting: setting(),
    type: oneOf(GRID_TYPES)
      .default('comprehensive')
      .describe('comprehensive grid (the default, a value), or dedicated (专属网格: buildings, parks, campuses)'),
    households: count('Households in the grid'),
    gridHeads: count('Grid heads (网格长)'),
    gridWorkers: count('Grid workers (网格员)'),
    buildings: count('Buildings in the grid'),
    buildingsWithLeader: count('Buildings that have a building leader (楼栋长) of their own'),
    units: count('Stairwell units in the grid'),
    unitsWithLeader: count('Units that have a unit leader (单元长) of their own'),
    leadersResideLocally: flag(
      'Every building leader lives in that building and every unit leader in that unit (该楼栋、单元的居民)',
    ),
    rosterPosted: flag(
      'The information of grid heads, grid workers, building and unit leaders is posted publicly (挂牌公示)',
    ),
    gridHeadRole: oneOf(GRID_HEAD_ROLES).describe('Who serves as grid head').optional(),
    workerPay: objectOf(object, {
      setOn: calendarDate().describe('Date the grid workers’ pay was set'),
      referenceWageYear: integer().describe('Year of the average wage the pay was set from'),
    }).optional(),
  });

  const streetOffice = facts('streetOffice', {
    setting: setting(),
    compounds: count('Residential compounds (小区) in the area'),
    emergencyMobileTeams: count('Emergency mobile teams'),
    compoundsWithReserveTeam: count('Compounds with an emergency reserve team'),
    drillsOrganized: flag('Emergency drills organised'),
    enforcementStaff: count('Law-enforcement staff assigned to the street'),
    propertyCoordinationMechanism: flag('Has a property-management coordination mechanism'),
    twoWayEvaluation: flag('Street and departments evaluate each other (双向评价)'),
  });

  const residentialProject = facts('residentialProject', {
    isNew: flag('A newly built residential project'),
    project: milestones('project').describe('Milestone dates of the residential project').optional(),
    facility: milestones('facility').describe('Milestone dates of its community service facility').optional(),
  });

  const task = facts('task', {
    setting: setting(),
    assignedBy: oneOf(TASK_ASSIGNERS).optional(),
    assignee: oneOf(COMMUNITY_BODIES).optional(),
    onDutyList: flag('On the community’s list of duties'),
    onAssistanceList: flag('On the list of matters the community assists with'),
    inServiceDirectory: flag('In the public service directory'),
    admissionApproved: flag('Admission approved (准入)'),
    temporary: flag('A temporary task'),
    writtenCommission: flag('Commissioned in writing'),
    fundingProvided: flag('Funding provided with the task'),
    purchasedService: flag('Bought as a government-purchased service'),
    role: oneOf(TASK_ROLES).optional(),
    category: oneOf(TASK_CATEGORIES).optional(),
    contractSigned: flag('A purchase contract was signed'),
    contractTerms: list(CONTRACT_TERMS, 'contract terms', 'What the purchase contract states'),
  });

  const inspection = facts('inspection', {
    setting: setting(),
    organizer: oneOf(INSPECTION_ORGANIZERS).optional(),
    target: oneOf(COMMUNITY_BODIES).optional(),
    scope: oneOf(INSPECTION_SCOPES).optional(),
    mandatedBy: oneOf(MANDATE_LEVELS).optional(),
    oneVoteVeto: flag('Uses a one-vote veto (一票否决)'),
    form: oneOf(INSPECTION_FORMS).describe('inspection 检查 · assessment 考核 · ranking 评比').optional(),
    creationStandard: flag('A creation-standard matter (创建达标事项)'),
    residentsConsulted: flag('Residents’ opinions were sought'),
  });

  const certificateRequest = facts('certificateRequest', {
    setting: setting(),
    requester: oneOf(CERTIFICATE_REQUESTERS).optional(),
    onCertificateList: flag('A certificate the community is authorised to issue'),
    toEvadeResponsibility: flag('The certificate is demanded to shift the requester’s own responsibility'),
  });

  const orgRegistration = facts('orgRegistration', {
    setting: setting(),
    visits: count('In-person trips the applicant needed (0 = fully online)'),
    procedure: oneOf(REGISTRATION_PROCEDURES).describe('registration 登记, or filing 备案').optional(),
    committeeConsulted: flag('The residents committee was consulted'),
    eligible: flag('The organisation meets the conditions (符合条件的)'),
  });

  const communityWorker = facts('communityWorker', {
    setting: setting(),
    fullTime: flag('A full-time community worker (专职)'),
    recruitment: oneOf(RECRUITMENT_METHODS).describe('How the worker was recruited').optional(),
    preServiceTrained: flag('Received pre-service training'),
    monthlyPayYuan: nonNegativeNumber().describe('Monthly pay in yuan').optional(),
    payFloorYuan: nonNegativeNumber()
      .describe('The national or provincial monthly pay standard that applies, in yuan')
      .optional(),
    socialInsurance: flag('Social insurance is paid'),
    fiveInsurancesOneFund: flag('The five insurances and the housing fund (五险一金) are paid'),
  });

  const consultation = facts('consultation', {
    setting: setting(),
    majorPublicInterest: flag('A matter of major public interest to residents'),
    consultationHeld: flag('A consultation was held on it'),
  });

  const complaint = facts('complaint', {
    setting: setting(),
    handled: flag('The complaint was handled'),
    resultNotified: flag('The complainant was told the result'),
  });

  const gridCase = facts('gridCase', {
    setting: setting(),
    departmentAccepted: flag('The competent department accepted the reported matter'),
    handledWithinDeadline: flag('It was handled within the deadline'),
    feedbackGiven: flag('Feedback was given to the grid'),
  });

  const emergencyEvent = facts('emergencyEvent', {
    setting: setting(),
    responseActivated: flag('The emergency response was activated'),
    infoReported: flag('Information was reported upward'),
  });

  const compound = facts('compound', {
    setting: setting(),
    hasPropertyServiceProvider: flag('Has a property service provider (物业服务企业)'),
    hasSelfGovernanceOrg: flag('Has a residents’ self-governance organisation'),
    hasOwnersCommittee: flag('Has an owners committee (业主委员会)'),
    hasPropertyManagementCommittee: flag('Has a property management committee (物业管理委员会)'),
  });

  const departmentReview = facts('departmentReview', {
    setting: setting(),
    communityOpinionsHeard: flag('The communities’ opinions were heard'),
    committeeOpinionsHeard: flag('The residents committees’ opinions were heard'),
    residentRepOpinionsHeard: flag('Resident representatives’ opinions were heard'),
  });

  const publicFacilityProject = facts('publicFacilityProject', {
    setting: setting(),
    residentsConsulted: flag('Residents’ opinions were sought'),
  });

  const governmentBudget = facts('governmentBudget', {
    year: integer().describe('Budget year').optional(),
    communityFundsBudgeted: flag('Community work funds are in the budget'),
    purchasedServicesBudgeted: flag('Funds to buy services are in the budget'),
    socialOrgIncubationFundYuan: nonNegativeNumber()
      .describe('Funds (yuan) to incubate community social organisations')
      .optional(),
  });

  return {
    community,
    grid,
    streetOffice,
    residentialProject,
    task,
    inspection,
    certificateRequest,
    orgRegistration,
    communityWorker,
    consultation,
    complaint,
    gridCase,
    emergencyEvent,
    compound,
    departmentReview,
    publicFacilityProject,
    governmentBudget,
  } satisfies Record<RecordKind, z.ZodType>;
}

export type FactsSchemas = ReturnType<typeof buildFactsSchemas>;

/** The strict facts schemas (unknown keys are errors). */
export const factsSchemas: FactsSchemas = buildFactsSchemas(strictObject);

export const communityFactsSchema = factsSchemas.community;
export const gridFactsSchema = factsSchemas.grid;
export const streetOfficeFactsSchema = factsSchemas.streetOffice;
export const residentialProjectFactsSchema = factsSchemas.residentialProject;
export const taskFactsSchema = factsSchemas.task;
export const inspectionFactsSchema = factsSchemas.inspection;
export const certificateRequestFactsSchema = factsSchemas.certificateRequest;
export const orgRegistrationFactsSchema = factsSchemas.orgRegistration;
export const communityWorkerFactsSchema = factsSchemas.communityWorker;
export const consultationFactsSchema = factsSchemas.consultation;
export const complaintFactsSchema = factsSchemas.complaint;
export const gridCaseFactsSchema = factsSchemas.gridCase;
export const emergencyEventFactsSchema = factsSchemas.emergencyEvent;
export const compoundFactsSchema = factsSchemas.compound;
export const departmentReviewFactsSchema = factsSchemas.departmentReview;
export const publicFacilityProjectFactsSchema = factsSchemas.publicFacilityProject;
export const governmentBudgetFactsSchema = factsSchemas.governmentBudget;

/** Facts after validation: defaults applied (`setting`, grid `type`). */
export type CommunityFacts = z.output<typeof communityFactsSchema>;
export type GridFacts = z.output<typeof gridFactsSchema>;
export type StreetOfficeFacts = z.output<typeof streetOfficeFactsSchema>;
export type ResidentialProjectFacts = z.output<typeof residentialProjectFactsSchema>;
export type TaskFacts = z.output<typeof taskFactsSchema>;
export type InspectionFacts = z.output<typeof inspectionFactsSchema>;
export type CertificateRequestFacts = z.output<typeof certificateRequestFactsSchema>;
export type OrgRegistrationFacts = z.output<typeof orgRegistrationFactsSchema>;
export type CommunityWorkerFacts = z.output<typeof communityWorkerFactsSchema>;
export type ConsultationFacts = z.output<typeof consultationFactsSchema>;
export type ComplaintFacts = z.output<typeof complaintFactsSchema>;
export type GridCaseFacts = z.output<typeof gridCaseFactsSchema>;
export type EmergencyEventFacts = z.output<typeof emergencyEventFactsSchema>;
export type CompoundFacts = z.output<typeof compoundFactsSchema>;
export type DepartmentReviewFacts = z.output<typeof departmentReviewFactsSchema>;
export type PublicFacilityProjectFacts = z.output<typeof publicFacilityProjectFactsSchema>;
export type GovernmentBudgetFacts = z.output<typeof governmentBudgetFactsSchema>;

/** Facts as submitted: defaulted facts may be absent. */
export type CommunityFactsInput = z.input<typeof communityFactsSchema>;
export type GridFactsInput = z.input<typeof gridFactsSchema>;
export type StreetOfficeFactsInput = z.input<typeof streetOfficeFactsSchema>;
export type ResidentialProjectFactsInput = z.input<typeof residentialProjectFactsSchema>;
export type TaskFactsInput = z.input<typeof taskFactsSchema>;
export type InspectionFactsInput = z.input<typeof inspectionFactsSchema>;
export type CertificateRequestFactsInput = z.input<typeof certificateRequestFactsSchema>;
export type OrgRegistrationFactsInput = z.input<typeof orgRegistrationFactsSchema>;
export type CommunityWorkerFactsInput = z.input<typeof communityWorkerFactsSchema>;
export type ConsultationFactsInput = z.input<typeof consultationFactsSchema>;
export type ComplaintFactsInput = z.input<typeof complaintFactsSchema>;
export type GridCaseFactsInput = z.input<typeof gridCaseFactsSchema>;
export type EmergencyEventFactsInput = z.input<typeof emergencyEventFactsSchema>;
export type CompoundFactsInput = z.input<typeof compoundFactsSchema>;
export type DepartmentReviewFactsInput = z.input<typeof departmentReviewFactsSchema>;
export type PublicFacilityProjectFactsInput = z.input<typeof publicFacilityProjectFactsSchema>;
export type GovernmentBudgetFactsInput = z.input<typeof governmentBudgetFactsSchema>;

/** The facts type of each kind, after validation. */
export interface FactsByKind {
  community: CommunityFacts;
  grid: GridFacts;
  streetOffice: StreetOfficeFacts;
  residentialProject: ResidentialProjectFacts;
  task: TaskFacts;
  inspection: InspectionFacts;
  certificateRequest: CertificateRequestFacts;
  orgRegistration: OrgRegistrationFacts;
  communityWorker: CommunityWorkerFacts;
  consultation: ConsultationFacts;
  complaint: ComplaintFacts;
  gridCase: GridCaseFacts;
  emergencyEvent: EmergencyEventFacts;
  compound: CompoundFacts;
  departmentReview: DepartmentReviewFacts;
  publicFacilityProject: PublicFacilityProjectFacts;
  governmentBudget: GovernmentBudgetFacts;
}
