/**
 * Labels, as data: what a person reads in place of an identifier. Every fact path and every enum
 * value of the record contract has a Chinese and an English label here; `labels.test.ts` walks the
 * record schemas and names any path or value that lacks one (add it below, beside its neighbours).
 *
 * Keys: fact paths are written without `facts.` and without array indexes (`emergency.plan`,
 * `budgets.year`). A key `kind:path` (`grid:households`) overrides the shared one for one kind.
 * Enum values are keyed by the fact path that holds them (`facilityComponents` → `policeOffice`).
 */
import type { LocalizedText } from '../types.js';

type Labels = Readonly<Record<string, LocalizedText>>;

const l = (zh: string, en: string): LocalizedText => ({ zh, en });

export const CITY_LABELS: Labels = {
  shenyang: l('沈阳', 'Shenyang'),
  dalian: l('大连', 'Dalian'),
  guiyang: l('贵阳', 'Guiyang'),
  tonghua: l('通化', 'Tonghua'),
  zhangjiakou: l('张家口', 'Zhangjiakou'),
};

export const KIND_LABELS: Labels = {
  community: l('社区', 'community'),
  grid: l('网格', 'grid'),
  streetOffice: l('街道办事处（乡镇人民政府）', 'street office'),
  residentialProject: l('住宅建设项目', 'residential project'),
  task: l('工作事项', 'task'),
  inspection: l('检查考核', 'inspection'),
  certificateRequest: l('证明事项', 'certificate request'),
  orgRegistration: l('社区社会组织登记', 'organisation registration'),
  communityWorker: l('社区工作者', 'community worker'),
  consultation: l('社区协商事项', 'consultation'),
  complaint: l('投诉', 'complaint'),
  gridCase: l('网格上报事项', 'grid case'),
  emergencyEvent: l('突发事件', 'emergency event'),
  compound: l('小区', 'compound'),
  departmentReview: l('街道评议职能部门', 'department review'),
  publicFacilityProject: l('社区公共基础设施建设', 'public facility project'),
  governmentBudget: l('本级财政预算', 'government budget'),
};

export const STATUS_LABELS: Labels = {
  pass: l('符合', 'pass'),
  fail: l('不符合', 'fail'),
  unknown: l('无法判断', 'unknown'),
  'not-applicable': l('不适用', 'not applicable'),
};

export const SEVERITY_LABELS: Labels = {
  violation: l('违反', 'violation'),
  warning: l('提示', 'warning'),
};

export const BINDING_LABELS: Labels = {
  binding: l('有约束力', 'binding'),
  nonBinding: l('无约束力（草案或参照执行）', 'non-binding'),
};

export const LAW_STATUS_LABELS: Labels = {
  draft: l('草案', 'draft'),
  'in-force': l('施行', 'in force'),
};

export const NO_CHECK_REASON_LABELS: Labels = {
  principle: l('原则性规定', 'principle'),
  'government-duty': l('政府职责', 'government duty'),
  definition: l('定义', 'definition'),
  encouragement: l('鼓励性规定', 'encouragement'),
  liability: l('法律责任', 'liability'),
  procedure: l('程序性规定', 'procedure'),
  commencement: l('施行日期', 'commencement'),
  'no-record-fact': l('记录中无可检查的事实', 'no record fact'),
};

const milestone = (whose: string, en: string): Labels => ({
  planning: l(`${whose}规划审批日期`, `${en} planning approved`),
  design: l(`${whose}设计完成日期`, `${en} design completed`),
  construction: l(`${whose}开工日期`, `${en} construction started`),
  acceptance: l(`${whose}验收日期`, `${en} accepted`),
  delivery: l(`${whose}交付使用日期`, `${en} delivered`),
});

const prefixed = (prefix: string, labels: Labels): Labels =>
  Object.fromEntries(Object.entries(labels).map(([key, value]) => [`${prefix}.${key}`, value]));

/** Fact paths (without `facts.`), shared by every kind unless a `kind:path` key says otherwise. */
export const FACT_LABELS: Labels = {
  setting: l('社区类型（城市或农村）', 'setting (urban or rural)'),
  // community
  households: l('户数', 'households'),
  serviceFacilityAreaSqm: l('社区综合服务设施建筑面积', 'service facility area (m²)'),
  facilityComponents: l('综合服务设施组成', 'facility components'),
  partyServiceStations: l('党群服务站', 'party-mass service stations'),
  'partyServiceStations.areaSqm': l('党群服务站面积', 'station area (m²)'),
  hasGovernanceCenter: l('社会治安综合治理中心', 'governance centre'),
  hasConsultationBody: l('议事协商机构', 'consultation body'),
  hasServiceWindow: l('服务窗口', 'service window'),
  emergency: l('应急准备', 'emergency readiness'),
  'emergency.plan': l('应急预案', 'emergency plan'),
  'emergency.team': l('应急队伍', 'emergency team'),
  'emergency.supplies': l('应急物资', 'emergency supplies'),
  'emergency.drills': l('应急演练', 'emergency drills'),
  gridLevels: l('网格层级', 'grid levels'),
  utilityTariffs: l('水电气暖价格', 'utility tariffs'),
  'utilityTariffs.water': l('用水价格', 'water tariff'),
  'utilityTariffs.electricity': l('用电价格', 'electricity tariff'),
  'utilityTariffs.gas': l('用气价格', 'gas tariff'),
  'utilityTariffs.heating': l('供暖价格', 'heating tariff'),
  budgets: l('社区经费预算', 'budgets'),
  'budgets.year': l('预算年度', 'budget year'),
  'budgets.amountYuan': l('预算金额（元）', 'budget amount (yuan)'),
  establishment: l('社区设立', 'establishment'),
  'establishment.decidedBy': l('社区设立的决定机关', 'decided by'),
  'establishment.filedWithStandingCommittee': l('报人大常委会备案', 'filed with the standing committee'),
  'establishment.filedWithCityGovernment': l('报市人民政府备案', 'filed with the city government'),
  socialOrgPremisesFeeYuan: l('向社会组织收取的场所费用（元）', 'premises fee charged to social organisations (yuan)'),
  unauthorizedPlaques: l('擅自设立的工作机构或挂牌数', 'unauthorised bodies or plaques'),
  residentConvention: l('居民公约', 'residents’ convention'),
  linkageMechanism: l('联动机制', 'linkage mechanism'),
  informantSystem: l('信息员制度', 'informant system'),
  infoSystemsLinked: l('信息系统互联互通', 'information systems linked'),
  patrioticHealthWorker: l('爱国卫生工作人员', 'patriotic health worker'),
  propertyCoordinationMechanism: l('物业管理协调机制', 'property coordination mechanism'),
  consultationRules: l('议事协商规则', 'consultation rules'),
  volunteerTeams: l('志愿服务队伍数', 'volunteer teams'),
  residentsCommittees: l('居民委员会数', 'residents’ committees'),
  enlargedReviewMeetingsPerYear: l('每年扩大会议评议次数', 'enlarged review meetings per year'),
  deputyVisitsPerYear: l('每年人大代表联系走访次数', 'deputy visits per year'),
  affairsDisclosure: l('居务公开', 'affairs disclosure'),
  contactPlaques: l('联系牌公示', 'contact plaques'),
  serviceBodyHeadSelection: l('社区服务管理机构负责人产生方式', 'selection of the service body’s head'),
  windowPractices: l('服务窗口工作制度', 'window practices'),
  workerAssessmentCriteria: l('社区工作者考核标准', 'worker assessment criteria'),
  disclosedItems: l('公开事项', 'disclosed items'),
  publicServices: l('社区公共服务', 'public services'),
  // grid
  'grid:households': l('网格户数', 'households in the grid'),
  type: l('网格类型', 'grid type'),
  gridHeads: l('网格长人数', 'grid heads'),
  gridWorkers: l('网格员人数', 'grid workers'),
  buildings: l('楼栋数', 'buildings'),
  buildingLeaders: l('楼栋长人数', 'building leaders'),
  units: l('单元数', 'units'),
  unitLeaders: l('单元长人数', 'unit leaders'),
  buildingsWithLeader: l('已确定楼栋长的楼栋数', 'buildings with a leader'),
  unitsWithLeader: l('已确定单元长的单元数', 'units with a leader'),
  leadersResideLocally: l('楼栋长、单元长由本楼栋、单元居民担任', 'leaders live where they serve'),
  rosterPosted: l('网格人员信息挂牌公示', 'roster posted'),
  workerPay: l('网格员报酬', 'grid worker pay'),
  'workerPay.setOn': l('报酬确定日期', 'pay set on'),
  'workerPay.referenceWageYear': l('参照的社会平均工资年度', 'reference wage year'),
  gridHeadRole: l('网格长人选', 'grid head role'),
  // streetOffice
  compounds: l('小区数', 'compounds'),
  emergencyMobileTeams: l('应急机动队数', 'emergency mobile teams'),
  compoundsWithReserveTeam: l('组建应急预备队的小区数', 'compounds with a reserve team'),
  drillsOrganized: l('组织应急演练', 'drills organised'),
  enforcementStaff: l('执法人员数', 'enforcement staff'),
  twoWayEvaluation: l('双向评价', 'two-way evaluation'),
  // residentialProject
  isNew: l('新建住宅小区', 'newly built'),
  project: l('建设项目节点日期', 'project milestones'),
  facility: l('社区综合服务设施节点日期', 'facility milestones'),
  ...prefixed('project', milestone('项目', 'project')),
  ...prefixed('facility', milestone('设施', 'facility')),
  // task
  assignedBy: l('交办单位', 'assigned by'),
  assignee: l('承接主体', 'assignee'),
  onDutyList: l('列入工作事项清单', 'on the duty list'),
  onAssistanceList: l('列入协助事项清单', 'on the assistance list'),
  inServiceDirectory: l('列入服务指导目录', 'in the service directory'),
  admissionApproved: l('经准入审批', 'admission approved'),
  temporary: l('临时性事务', 'temporary'),
  writtenCommission: l('书面委托', 'written commission'),
  fundingProvided: l('提供工作经费', 'funding provided'),
  purchasedService: l('政府购买服务', 'purchased service'),
  role: l('社区所处角色', 'role'),
  category: l('事项类别', 'category'),
  contractSigned: l('签订购买服务合同', 'contract signed'),
  contractTerms: l('合同条款', 'contract terms'),
  // inspection
  organizer: l('组织单位', 'organiser'),
  target: l('检查对象', 'target'),
  scope: l('检查内容', 'scope'),
  mandatedBy: l('要求来源', 'mandated by'),
  oneVoteVeto: l('一票否决', 'one-vote veto'),
  form: l('检查形式', 'form'),
  creationStandard: l('创建达标事项', 'creation standard'),
  residentsConsulted: l('征求居民意见', 'residents consulted'),
  // certificateRequest
  requester: l('要求出具证明的单位', 'requester'),
  onCertificateList: l('列入社区可出具证明清单', 'on the certificate list'),
  toEvadeResponsibility: l('以证明推卸责任', 'to evade responsibility'),
  // orgRegistration
  visits: l('申请人跑动次数', 'in-person visits'),
  eligible: l('符合登记条件', 'eligible'),
  procedure: l('办理程序', 'procedure'),
  committeeConsulted: l('征求居民委员会意见', 'committee consulted'),
  // communityWorker
  fullTime: l('专职', 'full-time'),
  recruitment: l('招聘方式', 'recruitment'),
  preServiceTrained: l('岗前培训', 'pre-service training'),
  monthlyPayYuan: l('月工资（元）', 'monthly pay (yuan)'),
  payFloorYuan: l('适用的工资标准（元）', 'pay floor (yuan)'),
  socialInsurance: l('社会保险', 'social insurance'),
  fiveInsurancesOneFund: l('五险一金', 'five insurances and one fund'),
  // consultation
  majorPublicInterest: l('涉及居民重大公共利益', 'major public interest'),
  consultationHeld: l('开展协商', 'consultation held'),
  // complaint
  handled: l('已办理', 'handled'),
  resultNotified: l('告知办理结果', 'result notified'),
  // gridCase
  departmentAccepted: l('职能部门受理', 'department accepted'),
  handledWithinDeadline: l('按时办结', 'handled within the deadline'),
  feedbackGiven: l('反馈结果', 'feedback given'),
  // emergencyEvent
  responseActivated: l('启动应急响应', 'response activated'),
  infoReported: l('报告信息', 'information reported'),
  // compound
  hasPropertyServiceProvider: l('有物业服务企业', 'has a property service provider'),
  hasSelfGovernanceOrg: l('有自治管理组织', 'has a self-governance organisation'),
  hasOwnersCommittee: l('有业主委员会', 'has an owners’ committee'),
  hasPropertyManagementCommittee: l('有物业管理委员会', 'has a property management committee'),
  // departmentReview
  communityOpinionsHeard: l('听取社区意见', 'community opinions heard'),
  committeeOpinionsHeard: l('听取居民委员会意见', 'committee opinions heard'),
  residentRepOpinionsHeard: l('听取居民代表意见', 'resident representatives heard'),
  // governmentBudget
  year: l('预算年度', 'year'),
  communityFundsBudgeted: l('社区工作经费列入预算', 'community funds budgeted'),
  purchasedServicesBudgeted: l('购买服务经费列入预算', 'purchased services budgeted'),
  socialOrgIncubationFundYuan: l('社会组织孵化资金（元）', 'social organisation incubation fund (yuan)'),
};

const body = {
  community: l('社区', 'community'),
  residentsCommittee: l('居（村）民委员会', 'residents’ committee'),
  communityServiceBody: l('社区服务管理机构', 'community service body'),
};

const tariff: Labels = {
  residential: l('居民生活类价格', 'residential'),
  commercial: l('商业类价格', 'commercial'),
  other: l('其他价格', 'other'),
  none: l('未使用', 'not supplied'),
};

const government: Labels = {
  cityGovernment: l('市人民政府', 'city government'),
  districtGovernment: l('区（县）人民政府', 'district government'),
  department: l('职能部门', 'department'),
  streetOffice: l('街道办事处', 'street office'),
  townshipGovernment: l('乡镇人民政府', 'township government'),
  communityServiceBody: body.communityServiceBody,
  enterprise: l('企业', 'enterprise'),
  institution: l('事业单位', 'institution'),
  socialOrganization: l('社会组织', 'social organisation'),
  individual: l('个人', 'individual'),
  other: l('其他', 'other'),
};

/** Enum values by the fact path that holds them. */
export const VALUE_LABELS: Readonly<Record<string, Labels>> = {
  setting: { urban: l('城市社区', 'urban'), rural: l('农村社区', 'rural') },
  facilityComponents: {
    serviceHall: l('服务大厅', 'service hall'),
    policeOffice: l('警务室', 'police office'),
    committeeOffice: l('居委会办公用房', 'committee office'),
    residentActivityRoom: l('居民活动用房', 'resident activity room'),
    partyServiceCenter: l('党群服务中心', 'party-mass service centre'),
    civilizationPracticeStation: l('新时代文明实践站', 'civilisation practice station'),
    volunteerStation: l('志愿服务工作站', 'volunteer station'),
    readingRoom: l('阅览室', 'reading room'),
  },
  gridLevels: {
    community: l('社区网格', 'community level'),
    compound: l('小区（片区）网格', 'compound level'),
    building: l('楼栋网格', 'building level'),
    unit: l('单元网格', 'unit level'),
  },
  'utilityTariffs.water': tariff,
  'utilityTariffs.electricity': tariff,
  'utilityTariffs.gas': tariff,
  'utilityTariffs.heating': tariff,
  'establishment.decidedBy': {
    districtGovernment: l('区（市、县）人民政府', 'district government'),
    other: l('其他机关', 'other'),
  },
  type: { comprehensive: l('综合网格', 'comprehensive'), dedicated: l('专属网格', 'dedicated') },
  assignedBy: government,
  assignee: body,
  target: body,
  role: { responsibleSubject: l('责任主体', 'responsible subject'), assisting: l('协助', 'assisting') },
  category: {
    administrativeEnforcement: l('行政执法', 'administrative enforcement'),
    demolition: l('拆迁拆违', 'demolition'),
    environmentalRemediation: l('环境整治', 'environmental remediation'),
    urbanManagement: l('城市管理', 'urban management'),
    investmentAttraction: l('招商引资', 'investment attraction'),
    other: l('其他', 'other'),
  },
  organizer: government,
  scope: {
    communityDuties: l('社区职责范围内的工作', 'community duties'),
    specializedAffairs: l('专项业务工作', 'specialised affairs'),
    other: l('其他', 'other'),
  },
  mandatedBy: {
    national: l('国家', 'national'),
    provincial: l('省', 'provincial'),
    municipal: l('市', 'municipal'),
    none: l('无上级要求', 'none'),
  },
  form: { inspection: l('检查', 'inspection'), assessment: l('考核', 'assessment'), ranking: l('评比', 'ranking') },
  requester: government,
  procedure: { registration: l('登记', 'registration'), filing: l('备案', 'filing') },
  serviceBodyHeadSelection: {
    openRecommendationElection: l('公开推荐选举', 'open recommendation and election'),
    appointment: l('任命', 'appointment'),
    other: l('其他', 'other'),
  },
  windowPractices: {
    openProcedures: l('公开办事程序', 'open procedures'),
    oneStop: l('一站式服务', 'one-stop service'),
    firstContactResponsibility: l('首问负责', 'first-contact responsibility'),
  },
  workerAssessmentCriteria: {
    performance: l('工作实绩', 'performance'),
    residentSatisfaction: l('居民满意度', 'resident satisfaction'),
    other: l('其他', 'other'),
  },
  disclosedItems: { services: l('服务事项', 'services'), management: l('管理事项', 'management'), assessment: l('考核结果', 'assessment') },
  publicServices: {
    laborEmployment: l('劳动就业', 'labour and employment'),
    socialSecurity: l('社会保障', 'social security'),
    educationHealth: l('教育卫生', 'education and health'),
    housingSecurity: l('住房保障', 'housing security'),
    cultureSports: l('文化体育', 'culture and sports'),
    publicSafety: l('公共安全', 'public safety'),
    publicLegalServices: l('公共法律服务', 'public legal services'),
  },
  gridHeadRole: {
    partyOrCommitteeMember: l('社区党组织或居委会成员', 'party or committee member'),
    otherCommunityWorker: l('其他社区工作者', 'other community worker'),
    other: l('其他', 'other'),
  },
  contractTerms: {
    serviceItems: l('服务事项', 'service items'),
    quality: l('服务质量', 'quality'),
    term: l('服务期限', 'term'),
    price: l('价格', 'price'),
    payment: l('支付方式', 'payment'),
  },
  recruitment: {
    openRecruitment: l('公开招聘', 'open recruitment'),
    appointment: l('委派任命', 'appointment'),
    other: l('其他', 'other'),
  },
  /** Milestone stages, as named in messages ("施工" stage). */
  stage: {
    planning: l('规划', 'planning'),
    design: l('设计', 'design'),
    construction: l('施工', 'construction'),
    acceptance: l('验收', 'acceptance'),
    delivery: l('交付使用', 'delivery'),
  },
};
