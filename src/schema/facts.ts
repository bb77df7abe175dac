/**
 * The facts of each record kind, as in `shared/spec/records.md` ("Kinds and their facts"). Every
 * fact is optional (absent = unknown to the checks), inside object facts too; the members of array
 * elements (`areaSqm`, `year`, `amountYuan`) and both members of `workerPay` are required.
 */
import { z } from 'zod';
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
export const TARIFF_CLASSES = ['residential', 'commercial', 'other'] as const;
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
  'other',
] as const;
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
/** The milestones of a residential project and of its community facility, in order. */
export const MILESTONES = ['planning', 'design', 'construction', 'acceptance', 'delivery'] as const;

// ---------------------------------------------------------------------------------------------
// Schemas, built once per object mode (strict / lenient)

/** Builds the eight facts schemas with the given object factory. Call at module level only. */
export function buildFactsSchemas(object: ObjectFactory) {
  const facts = <S extends z.core.$ZodLooseShape>(kind: RecordKind, shape: S) =>
    objectOf(object, shape, `an object (the '${kind}' facts)`);
  const count = (description: string) => integerAtLeast(0).describe(description).optional();
  const flag = (description: string) => boolean().describe(description).optional();

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

  const milestones = (whose: string) =>
    objectOf(object, {
      planning: calendarDate().describe(`Date the ${whose} planning was approved`).optional(),
      design: calendarDate().describe(`Date the ${whose} design was completed`).optional(),
      construction: calendarDate().describe(`Date ${whose} construction started`).optional(),
      acceptance: calendarDate().describe(`Date the ${whose} was accepted`).optional(),
      delivery: calendarDate().describe(`Date the ${whose} was delivered / put into use`).optional(),
    });

  const community = facts('community', {
    setting: oneOf(COMMUNITY_SETTINGS)
      .default('urban')
      .describe('urban community, or rural (a township / village community)'),
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
  });

  const grid = facts('grid', {
    type: oneOf(GRID_TYPES)
      .default('comprehensive')
      .describe('comprehensive grid, or dedicated (专属网格: buildings, parks, campuses)'),
    households: count('Households in the grid'),
    gridHeads: count('Grid heads (网格长)'),
    gridWorkers: count('Grid workers (网格员)'),
    buildings: count('Buildings in the grid'),
    buildingLeaders: count('Building leaders (楼栋长)'),
    units: count('Stairwell units in the grid'),
    unitLeaders: count('Unit leaders (单元长)'),
    leadersResideLocally: flag('Building and unit leaders live in the grid'),
    rosterPosted: flag('The grid staff roster is posted publicly'),
    workerPay: objectOf(object, {
      setOn: calendarDate().describe('Date the grid workers’ pay was set'),
      referenceWageYear: integer().describe('Year of the average wage the pay was set from'),
    }).optional(),
  });

  const streetOffice = facts('streetOffice', {
    compounds: count('Residential compounds (小区) in the area'),
    emergencyMobileTeams: count('Emergency mobile teams'),
    compoundsWithReserveTeam: count('Compounds with an emergency reserve team'),
    drillsOrganized: flag('Emergency drills organised'),
  });

  const residentialProject = facts('residentialProject', {
    isNew: flag('A newly built residential project'),
    project: milestones('project').describe('Milestone dates of the residential project').optional(),
    facility: milestones('facility').describe('Milestone dates of its community service facility').optional(),
  });

  const task = facts('task', {
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
  });

  const inspection = facts('inspection', {
    organizer: oneOf(INSPECTION_ORGANIZERS).optional(),
    target: oneOf(COMMUNITY_BODIES).optional(),
    scope: oneOf(INSPECTION_SCOPES).optional(),
    mandatedBy: oneOf(MANDATE_LEVELS).optional(),
    oneVoteVeto: flag('Uses a one-vote veto (一票否决)'),
  });

  const certificateRequest = facts('certificateRequest', {
    requester: oneOf(CERTIFICATE_REQUESTERS).optional(),
    onCertificateList: flag('A certificate the community is authorised to issue'),
  });

  const orgRegistration = facts('orgRegistration', {
    visits: integerAtLeast(1).describe('In-person trips the applicant needed').optional(),
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

/** Facts after validation: defaults applied (`setting`, `type`). */
export type CommunityFacts = z.output<typeof communityFactsSchema>;
export type GridFacts = z.output<typeof gridFactsSchema>;
export type StreetOfficeFacts = z.output<typeof streetOfficeFactsSchema>;
export type ResidentialProjectFacts = z.output<typeof residentialProjectFactsSchema>;
export type TaskFacts = z.output<typeof taskFactsSchema>;
export type InspectionFacts = z.output<typeof inspectionFactsSchema>;
export type CertificateRequestFacts = z.output<typeof certificateRequestFactsSchema>;
export type OrgRegistrationFacts = z.output<typeof orgRegistrationFactsSchema>;

/** Facts as submitted: defaulted facts may be absent. */
export type CommunityFactsInput = z.input<typeof communityFactsSchema>;
export type GridFactsInput = z.input<typeof gridFactsSchema>;
export type StreetOfficeFactsInput = z.input<typeof streetOfficeFactsSchema>;
export type ResidentialProjectFactsInput = z.input<typeof residentialProjectFactsSchema>;
export type TaskFactsInput = z.input<typeof taskFactsSchema>;
export type InspectionFactsInput = z.input<typeof inspectionFactsSchema>;
export type CertificateRequestFactsInput = z.input<typeof certificateRequestFactsSchema>;
export type OrgRegistrationFactsInput = z.input<typeof orgRegistrationFactsSchema>;

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
}
