/**
 * Seeded generator of large, realistic record batches (NDJSON) for `shequ-rules check`.
 *
 *   npm run gen -- --records 1000000 --seed 7 --out bench/out/records.ndjson
 *   npx tsx scripts/gen.ts --records 1000 --invalid-rate 0.05 | node dist/cli.js check
 *
 * Deterministic: the same --records, --seed and --invalid-rate give the same bytes. Mixes the five
 * cities and the seventeen kinds; a share (--invalid-rate, default 0.01) of lines is broken on purpose (not
 * JSON, an unknown key, an impossible date, a negative count). Lines are streamed to the output
 * (with backpressure), so a million records never sit in memory. An --out ending in .gz is gzipped.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import { COMMUNITY_BODIES, FACILITY_COMPONENTS } from '../src/schema/facts.js';

const CITIES = [
  { key: 'shenyang', prefix: 'SY' },
  { key: 'dalian', prefix: 'DL' },
  { key: 'guiyang', prefix: 'GY' },
  { key: 'tonghua', prefix: 'TH' },
  { key: 'zhangjiakou', prefix: 'ZJK' },
] as const;

/** Kinds with their weight in a batch (communities and tasks are what auditors see most). */
const KINDS = [
  ['community', 30],
  ['grid', 20],
  ['task', 20],
  ['streetOffice', 6],
  ['residentialProject', 8],
  ['inspection', 8],
  ['certificateRequest', 5],
  ['orgRegistration', 3],
  ['communityWorker', 4],
  ['consultation', 2],
  ['complaint', 2],
  ['gridCase', 2],
  ['emergencyEvent', 1],
  ['compound', 3],
  ['departmentReview', 1],
  ['publicFacilityProject', 1],
  ['governmentBudget', 1],
] as const;
type Kind = (typeof KINDS)[number][0];

const KIND_CODE: Record<Kind, string> = {
  community: 'C',
  grid: 'G',
  task: 'T',
  streetOffice: 'JD',
  residentialProject: 'P',
  inspection: 'I',
  certificateRequest: 'CR',
  orgRegistration: 'R',
  communityWorker: 'W',
  consultation: 'X',
  complaint: 'K',
  gridCase: 'GC',
  emergencyEvent: 'E',
  compound: 'XQ',
  departmentReview: 'PY',
  publicFacilityProject: 'PF',
  governmentBudget: 'B',
};

/** mulberry32: small, fast, seedable; plenty for test data. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  constructor(private readonly random: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }
  /** Each of `items` kept with probability p. */
  some<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.random() < p);
  }
  /** Sometimes leaves a fact out (an auditor rarely knows everything). */
  maybe<T>(value: T, p = 0.85): T | undefined {
    return this.random() < p ? value : undefined;
  }
  date(fromYear: number, toYear: number): string {
    const year = this.int(fromYear, toYear);
    const month = this.int(1, 12);
    const day = this.int(1, 28);
    return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Drops undefined members, so that absent facts are absent keys. */
function compact(facts: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) if (value !== undefined) out[key] = value;
  return out;
}

const COMPONENTS = FACILITY_COMPONENTS;
const BODIES = COMMUNITY_BODIES;

function facts(kind: Kind, d: Dice): Record<string, unknown> {
  switch (kind) {
    case 'community': {
      const households = d.int(600, 5200);
      const perHundred = Math.max(600, (households / 100) * 40);
      return compact({
        setting: d.maybe(d.chance(0.85) ? 'urban' : 'rural', 0.7),
        households: d.maybe(households, 0.95),
        serviceFacilityAreaSqm: d.maybe(Math.round(perHundred * (0.8 + d.int(0, 50) / 100) * 10) / 10),
        facilityComponents: d.maybe(d.some(COMPONENTS, 0.85)),
        partyServiceStations: d.maybe(Array.from({ length: d.int(0, 3) }, () => ({ areaSqm: d.int(22, 60) })), 0.5),
        hasGovernanceCenter: d.maybe(d.chance(0.9)),
        hasConsultationBody: d.maybe(d.chance(0.9)),
        hasServiceWindow: d.maybe(d.chance(0.92)),
        emergency: d.maybe(compact({ plan: d.maybe(d.chance(0.9)), team: d.maybe(d.chance(0.85)), supplies: d.maybe(d.chance(0.8)), drills: d.maybe(d.chance(0.75)) })),
        gridLevels: d.maybe(d.some(['community', 'compound', 'building', 'unit'] as const, 0.9), 0.6),
        utilityTariffs: d.maybe({ water: 'residential', electricity: d.chance(0.9) ? 'residential' : 'commercial' }, 0.4),
        budgets: d.maybe(
          (() => {
            const start = d.int(2019, 2022);
            let amount = d.int(80, 300) * 1000;
            return Array.from({ length: d.int(1, 3) }, (_, i) => {
              amount = Math.round(amount * (0.92 + d.int(0, 20) / 100));
              return { year: start + i, amountYuan: amount };
            });
          })(),
          0.4,
        ),
        establishment: d.maybe({ decidedBy: d.chance(0.95) ? 'districtGovernment' : 'other', filedWithStandingCommittee: d.chance(0.9), filedWithCityGovernment: d.chance(0.9) }, 0.3),
        socialOrgPremisesFeeYuan: d.maybe(d.chance(0.9) ? 0 : d.int(2, 30) * 100, 0.3),
        unauthorizedPlaques: d.maybe(d.chance(0.85) ? 0 : d.int(1, 4), 0.6),
      });
    }
    case 'grid': {
      const buildings = d.int(4, 20);
      const units = buildings * d.int(2, 4);
      const setOn = d.date(2021, 2024);
      return compact({
        type: d.maybe(d.chance(0.85) ? 'comprehensive' : 'dedicated', 0.8),
        households: d.maybe(d.int(180, 480)),
        gridHeads: d.maybe(d.chance(0.95) ? 1 : 0),
        gridWorkers: d.maybe(d.int(0, 4)),
        buildings: d.maybe(buildings),
        buildingsWithLeader: d.maybe(d.chance(0.85) ? buildings : buildings - d.int(1, 3)),
        units: d.maybe(units),
        unitsWithLeader: d.maybe(d.chance(0.8) ? units : units - d.int(1, 4)),
        leadersResideLocally: d.maybe(d.chance(0.9)),
        rosterPosted: d.maybe(d.chance(0.85)),
        workerPay: d.maybe({ setOn, referenceWageYear: Number(setOn.slice(0, 4)) - (d.chance(0.85) ? 1 : 2) }, 0.4),
      });
    }
    case 'streetOffice': {
      const compounds = d.int(6, 30);
      return compact({
        compounds: d.maybe(compounds),
        emergencyMobileTeams: d.maybe(Math.round(compounds * (0.3 + d.int(0, 40) / 100))),
        compoundsWithReserveTeam: d.maybe(d.chance(0.7) ? compounds : compounds - d.int(1, 5)),
        drillsOrganized: d.maybe(d.chance(0.85)),
      });
    }
    case 'residentialProject': {
      const planning = d.date(2018, 2022);
      const design = addDays(planning, d.int(60, 200));
      const construction = addDays(design, d.int(60, 200));
      const acceptance = addDays(construction, d.int(400, 900));
      const delivery = addDays(acceptance, d.int(20, 120));
      const project = { planning, design, construction, acceptance, delivery };
      const facility = compact({
        planning,
        design: d.chance(0.9) ? design : addDays(design, d.int(10, 90)),
        construction: d.chance(0.85) ? construction : addDays(construction, d.int(10, 120)),
        // null: the facility has not reached that stage yet
        acceptance: d.chance(0.85) ? acceptance : d.chance(0.5) ? addDays(acceptance, d.int(10, 120)) : null,
        delivery: d.chance(0.8) ? delivery : d.chance(0.5) ? addDays(delivery, d.int(10, 200)) : null,
      });
      return compact({ isNew: d.maybe(d.chance(0.85), 0.9), project, facility });
    }
    case 'task':
      return compact({
        assignedBy: d.maybe(d.pick(['cityGovernment', 'districtGovernment', 'department', 'department', 'streetOffice', 'townshipGovernment', 'communityServiceBody', 'enterprise', 'other'] as const)),
        assignee: d.maybe(d.pick(BODIES)),
        onDutyList: d.maybe(d.chance(0.6)),
        onAssistanceList: d.maybe(d.chance(0.4)),
        inServiceDirectory: d.maybe(d.chance(0.5), 0.4),
        admissionApproved: d.maybe(d.chance(0.5), 0.5),
        temporary: d.maybe(d.chance(0.2), 0.6),
        writtenCommission: d.maybe(d.chance(0.7), 0.6),
        fundingProvided: d.maybe(d.chance(0.7), 0.7),
        purchasedService: d.maybe(d.chance(0.2), 0.4),
        role: d.maybe(d.chance(0.8) ? 'assisting' : 'responsibleSubject', 0.6),
        category: d.maybe(d.pick(['administrativeEnforcement', 'demolition', 'environmentalRemediation', 'urbanManagement', 'investmentAttraction', 'other', 'other', 'other'] as const), 0.6),
      });
    case 'inspection':
      return compact({
        organizer: d.maybe(d.pick(['cityGovernment', 'districtGovernment', 'department', 'streetOffice', 'other'] as const)),
        target: d.maybe(d.pick(BODIES)),
        scope: d.maybe(d.pick(['communityDuties', 'communityDuties', 'specializedAffairs', 'other'] as const)),
        mandatedBy: d.maybe(d.pick(['national', 'provincial', 'municipal', 'none'] as const)),
        oneVoteVeto: d.maybe(d.chance(0.1)),
      });
    case 'certificateRequest':
      return compact({
        requester: d.maybe(d.pick(['department', 'enterprise', 'institution', 'socialOrganization', 'individual', 'individual', 'other'] as const)),
        onCertificateList: d.maybe(d.chance(0.7)),
      });
    case 'orgRegistration':
      return compact({
        visits: d.maybe(d.chance(0.2) ? 0 : d.chance(0.8) ? 1 : d.int(2, 4)),
        procedure: d.maybe(d.chance(0.7) ? 'registration' : 'filing', 0.5),
        committeeConsulted: d.maybe(d.chance(0.8), 0.5),
        eligible: d.maybe(d.chance(0.9), 0.6),
      });
    case 'communityWorker': {
      const floor = d.int(30, 45) * 100;
      return compact({
        fullTime: d.maybe(d.chance(0.8)),
        recruitment: d.maybe(d.chance(0.85) ? 'openRecruitment' : d.pick(['appointment', 'other'] as const), 0.6),
        preServiceTrained: d.maybe(d.chance(0.85), 0.6),
        monthlyPayYuan: d.maybe(floor + d.int(-5, 15) * 100, 0.7),
        payFloorYuan: d.maybe(floor, 0.6),
        socialInsurance: d.maybe(d.chance(0.9), 0.7),
        fiveInsurancesOneFund: d.maybe(d.chance(0.8), 0.6),
      });
    }
    case 'consultation':
      return compact({ majorPublicInterest: d.maybe(d.chance(0.6)), consultationHeld: d.maybe(d.chance(0.8)) });
    case 'complaint':
      return compact({ handled: d.maybe(d.chance(0.9)), resultNotified: d.maybe(d.chance(0.8)) });
    case 'gridCase':
      return compact({
        departmentAccepted: d.maybe(d.chance(0.9)),
        handledWithinDeadline: d.maybe(d.chance(0.8)),
        feedbackGiven: d.maybe(d.chance(0.8)),
      });
    case 'emergencyEvent':
      return compact({ responseActivated: d.maybe(d.chance(0.9)), infoReported: d.maybe(d.chance(0.9)) });
    case 'compound':
      return compact({
        hasPropertyServiceProvider: d.maybe(d.chance(0.7)),
        hasSelfGovernanceOrg: d.maybe(d.chance(0.7), 0.6),
        hasOwnersCommittee: d.maybe(d.chance(0.5), 0.6),
        hasPropertyManagementCommittee: d.maybe(d.chance(0.3), 0.6),
      });
    case 'departmentReview':
      return compact({
        communityOpinionsHeard: d.maybe(d.chance(0.85)),
        committeeOpinionsHeard: d.maybe(d.chance(0.8)),
        residentRepOpinionsHeard: d.maybe(d.chance(0.7)),
      });
    case 'publicFacilityProject':
      return compact({ residentsConsulted: d.maybe(d.chance(0.75)) });
    case 'governmentBudget':
      return compact({
        year: d.int(2019, 2024),
        communityFundsBudgeted: d.maybe(d.chance(0.9)),
        purchasedServicesBudgeted: d.maybe(d.chance(0.7)),
        socialOrgIncubationFundYuan: d.maybe(d.chance(0.7) ? d.int(1, 50) * 10_000 : 0, 0.6),
      });
  }
}

/** The four ways a generated line is broken on purpose. */
const BREAKAGES = ['notJson', 'unknownKey', 'badDate', 'negative'] as const;

export interface GenerateOptions {
  records: number;
  seed: number;
  /** Share of broken lines, 0…1. */
  invalidRate: number;
}

/** The batch, one NDJSON line (without line end) at a time. */
export function* generateLines(options: GenerateOptions): Generator<string> {
  const d = new Dice(createRandom(options.seed));
  const totalWeight = KINDS.reduce((sum, [, weight]) => sum + weight, 0);
  for (let n = 1; n <= options.records; n += 1) {
    const city = d.pick(CITIES);
    let roll = d.int(1, totalWeight);
    let kind: Kind = 'community';
    for (const [k, weight] of KINDS) {
      roll -= weight;
      if (roll <= 0) {
        kind = k;
        break;
      }
    }
    const record = {
      id: `${city.prefix}-${KIND_CODE[kind]}-${String(n).padStart(7, '0')}`,
      city: city.key,
      kind,
      asOf: d.date(2021, 2024),
      facts: facts(kind, d),
    };
    if (!d.chance(options.invalidRate)) {
      yield JSON.stringify(record);
      continue;
    }
    switch (d.pick(BREAKAGES)) {
      case 'notJson': {
        const text = JSON.stringify(record);
        yield text.slice(0, Math.max(1, Math.floor(text.length / 2)));
        break;
      }
      case 'unknownKey':
        yield JSON.stringify({ ...record, facts: { ...record.facts, houshold: 1200 } });
        break;
      case 'badDate':
        yield JSON.stringify({ ...record, asOf: `${record.asOf.slice(0, 4)}-02-30` });
        break;
      case 'negative':
        yield JSON.stringify({ ...record, kind: 'orgRegistration', id: record.id.replace(/-[A-Z]+-/, '-R-'), facts: { visits: -1 } });
        break;
    }
  }
}

/** Writes the lines to `out`, waiting for drain; resolves when everything is handed over. */
export async function writeLines(lines: Iterable<string>, out: Writable): Promise<void> {
  let buffer = '';
  for (const line of lines) {
    buffer += `${line}\n`;
    if (buffer.length >= 64 * 1024) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  if (buffer.length > 0 && !out.write(buffer)) await once(out, 'drain');
}

/** Generates into a file (gzipped when it ends in .gz) and waits until it is closed. */
export async function generateToFile(path: string, options: GenerateOptions): Promise<void> {
  const file = createWriteStream(path);
  const gzip = path.endsWith('.gz') ? createGzip() : undefined;
  if (gzip) gzip.pipe(file);
  const out = gzip ?? file;
  await writeLines(generateLines(options), out);
  out.end();
  await once(file, 'close');
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      records: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '1' },
      'invalid-rate': { type: 'string', default: '0.01' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: npm run gen -- --records N [--seed S] [--invalid-rate R] [--out FILE[.gz]]\n');
    return;
  }
  const options: GenerateOptions = {
    records: Number(values.records),
    seed: Number(values.seed),
    invalidRate: Number(values['invalid-rate']),
  };
  if (!Number.isInteger(options.records) || options.records < 0) throw new Error(`--records must be a whole number (got ${values.records})`);
  if (!Number.isFinite(options.seed)) throw new Error(`--seed must be a number (got ${values.seed})`);
  if (!(options.invalidRate >= 0 && options.invalidRate <= 1)) throw new Error(`--invalid-rate must be between 0 and 1 (got ${values['invalid-rate']})`);
  if (values.out !== undefined) {
    await generateToFile(values.out, options);
    process.stderr.write(`gen: ${options.records} records (seed ${options.seed}) → ${values.out}\n`);
  } else {
    await writeLines(generateLines(options), process.stdout);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`gen: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
