/**
 * The record envelope (`id`, `city`, `kind`, `asOf`, `facts`) and one record schema per kind; the
 * public `recordSchema` is their discriminated union on `kind`.
 */
import * as z from 'zod';
import { CITY_KEYS, RECORD_KINDS, type RecordKind } from '../types.js';
import { calendarDate, expecting, objectOf, oneOf, strictObject, type ObjectFactory } from './common.js';
import { factsSchemas, type FactsSchemas } from './facts.js';

/** Longest record id accepted. */
export const MAX_ID_LENGTH = 200;

const ID_EXPECTED = `a string of 1 to ${MAX_ID_LENGTH} characters`;

function recordId() {
  const error = expecting(ID_EXPECTED);
  return z
    .string({ error })
    .min(1, { error })
    .max(MAX_ID_LENGTH, { error })
    .describe('Record id, echoed on every finding');
}

const city = () => oneOf(CITY_KEYS).describe('City whose law applies');
const asOf = () =>
  calendarDate()
    .describe('Date of the situation (for a task: when it was assigned); defaults to the caller’s asOf, else today')
    .optional();

const KIND_TITLES: Record<RecordKind, string> = {
  community: 'A community (社区) or village community',
  grid: 'One grid (网格)',
  streetOffice: 'A street office or township government (街道办事处／乡镇人民政府)',
  residentialProject: 'A residential construction project and its community facility',
  task: 'A work item placed on a community body',
  inspection: 'An inspection, assessment or ranking of community work',
  certificateRequest: 'A demand that the community issue a certificate',
  orgRegistration: 'Registration of a community public-benefit organisation',
  communityWorker: 'A community worker (社区工作者)',
  consultation: 'A matter put to community consultation (社区协商事项)',
  complaint: 'A complaint to the community (投诉)',
  gridCase: 'A matter reported from a grid to a department (网格上报事项)',
  emergencyEvent: 'An emergency in the community (突发事件)',
  compound: 'A residential compound (小区)',
  departmentReview: 'A street office’s review of the functional departments (街道评议职能部门)',
  publicFacilityProject: 'A community public infrastructure project (社区公共基础设施建设)',
  governmentBudget: 'One government’s budget for one year (本级财政预算)',
};

/** Builds the envelope and the per-kind record schemas with the given object factory. */
export function buildRecordSchemas(object: ObjectFactory, facts: FactsSchemas) {
  // `facts` is passed prefaulted: an absent `facts` is parsed as {} so the facts' own defaults
  // (community `setting`, grid `type`) apply. (`default` would return {} unparsed.)
  const recordOf = <K extends RecordKind, F extends z.ZodType>(kind: K, factsSchema: F) =>
    objectOf(object, {
      id: recordId(),
      city: city(),
      kind: z.literal(kind),
      asOf: asOf(),
      facts: factsSchema,
    }).meta({ title: `${kind} record`, description: KIND_TITLES[kind] });

  const byKind = {
    community: recordOf('community', facts.community.prefault({})),
    grid: recordOf('grid', facts.grid.prefault({})),
    streetOffice: recordOf('streetOffice', facts.streetOffice.prefault({})),
    residentialProject: recordOf('residentialProject', facts.residentialProject.prefault({})),
    task: recordOf('task', facts.task.prefault({})),
    inspection: recordOf('inspection', facts.inspection.prefault({})),
    certificateRequest: recordOf('certificateRequest', facts.certificateRequest.prefault({})),
    orgRegistration: recordOf('orgRegistration', facts.orgRegistration.prefault({})),
    communityWorker: recordOf('communityWorker', facts.communityWorker.prefault({})),
    consultation: recordOf('consultation', facts.consultation.prefault({})),
    complaint: recordOf('complaint', facts.complaint.prefault({})),
    gridCase: recordOf('gridCase', facts.gridCase.prefault({})),
    emergencyEvent: recordOf('emergencyEvent', facts.emergencyEvent.prefault({})),
    compound: recordOf('compound', facts.compound.prefault({})),
    departmentReview: recordOf('departmentReview', facts.departmentReview.prefault({})),
    publicFacilityProject: recordOf('publicFacilityProject', facts.publicFacilityProject.prefault({})),
    governmentBudget: recordOf('governmentBudget', facts.governmentBudget.prefault({})),
  };

  /**
   * The envelope alone, for a record whose `kind` is absent or unknown: its id, city, date and
   * keys are still checked, its facts are not (they cannot be read without a kind).
   */
  const envelope = objectOf(object, {
    id: recordId(),
    city: city(),
    kind: oneOf(RECORD_KINDS).describe('Record kind'),
    asOf: asOf(),
    facts: z.unknown().optional(),
  });

  const record = z.discriminatedUnion('kind', [
    byKind.community,
    byKind.grid,
    byKind.streetOffice,
    byKind.residentialProject,
    byKind.task,
    byKind.inspection,
    byKind.certificateRequest,
    byKind.orgRegistration,
    byKind.communityWorker,
    byKind.consultation,
    byKind.complaint,
    byKind.gridCase,
    byKind.emergencyEvent,
    byKind.compound,
    byKind.departmentReview,
    byKind.publicFacilityProject,
    byKind.governmentBudget,
  ]);

  return { byKind, envelope, record };
}

export type RecordSchemas = ReturnType<typeof buildRecordSchemas>;

/** Strict schemas: an unknown key anywhere is an error. */
export const recordSchemas: RecordSchemas = buildRecordSchemas(strictObject, factsSchemas);

/** The envelope alone (`facts` unchecked): what can be said of a record whose kind is unknown. */
export const envelopeSchema = recordSchemas.envelope;
/** One record, any kind (strict). Parse output has the defaults applied and `facts` filled in. */
export const recordSchema = recordSchemas.record;
export const communityRecordSchema = recordSchemas.byKind.community;
export const gridRecordSchema = recordSchemas.byKind.grid;
export const streetOfficeRecordSchema = recordSchemas.byKind.streetOffice;
export const residentialProjectRecordSchema = recordSchemas.byKind.residentialProject;
export const taskRecordSchema = recordSchemas.byKind.task;
export const inspectionRecordSchema = recordSchemas.byKind.inspection;
export const certificateRequestRecordSchema = recordSchemas.byKind.certificateRequest;
export const orgRegistrationRecordSchema = recordSchemas.byKind.orgRegistration;
export const communityWorkerRecordSchema = recordSchemas.byKind.communityWorker;
export const consultationRecordSchema = recordSchemas.byKind.consultation;
export const complaintRecordSchema = recordSchemas.byKind.complaint;
export const gridCaseRecordSchema = recordSchemas.byKind.gridCase;
export const emergencyEventRecordSchema = recordSchemas.byKind.emergencyEvent;
export const compoundRecordSchema = recordSchemas.byKind.compound;
export const departmentReviewRecordSchema = recordSchemas.byKind.departmentReview;
export const publicFacilityProjectRecordSchema = recordSchemas.byKind.publicFacilityProject;
export const governmentBudgetRecordSchema = recordSchemas.byKind.governmentBudget;

/** A validated record: a discriminated union on `kind`, defaults applied, `facts` always present. */
export type ShequRecord = z.output<typeof recordSchema>;
/** A record as submitted (what the JSON Schema describes). */
export type ShequRecordInput = z.input<typeof recordSchema>;
/** The validated record of one kind. */
export type RecordOfKind<K extends RecordKind> = Extract<ShequRecord, { kind: K }>;
export type RecordInputOfKind<K extends RecordKind> = Extract<ShequRecordInput, { kind: K }>;

/** `T` with every object and array in it readonly (a mutable value is assignable to it too). */
type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * A record as submitted, readonly all through: what `evaluate` accepts, so that an `as const`
 * literal (readonly arrays and objects) type-checks as well as a mutable one.
 */
export type ReadonlyShequRecordInput = DeepReadonly<ShequRecordInput>;
