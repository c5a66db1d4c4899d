/**
 * The shape of the demo org at scale 1: teams, segments, stages, products and the rates that
 * drive it. `--scale` multiplies the headcount; the per-rep rates stay the same.
 */

export const regionNames = ['EMEA', 'NA', 'APAC'] as const;
export const segmentNames = ['Enterprise', 'Mid-Market', 'SMB'] as const;
export type RegionName = (typeof regionNames)[number];
export type SegmentName = (typeof segmentNames)[number];

export interface RegionConfig {
  name: RegionName;
  /** Account executives per segment team at scale 1. */
  aes: Record<SegmentName, number>;
  sdrs: number;
  support: number;
  countries: string[];
  /** UTC hour the working day starts. */
  dayStartHour: number;
}

export const regions: RegionConfig[] = [
  { name: 'EMEA', aes: { Enterprise: 2, 'Mid-Market': 3, SMB: 4 }, sdrs: 5, support: 2, countries: ['United Kingdom', 'Germany', 'France', 'Netherlands', 'Sweden', 'Spain'], dayStartHour: 7 },
  { name: 'NA', aes: { Enterprise: 4, 'Mid-Market': 5, SMB: 6 }, sdrs: 7, support: 3, countries: ['United States', 'Canada'], dayStartHour: 13 },
  { name: 'APAC', aes: { Enterprise: 1, 'Mid-Market': 2, SMB: 2 }, sdrs: 3, support: 1, countries: ['Australia', 'Japan', 'Singapore', 'India'], dayStartHour: 0 },
];

export interface SegmentConfig {
  name: SegmentName;
  /** Median amount of a new-business deal. */
  dealSize: number;
  /** Mean days an opportunity stays in a stage. */
  stageDays: number;
  contacts: number;
  employees: [number, number];
  /** Accounts in an AE's book when the span starts. */
  book: number;
}

export const segments: Record<SegmentName, SegmentConfig> = {
  Enterprise: { name: 'Enterprise', dealSize: 70_000, stageDays: 19, contacts: 5, employees: [2_000, 60_000], book: 30 },
  'Mid-Market': { name: 'Mid-Market', dealSize: 22_000, stageDays: 11, contacts: 3, employees: [200, 2_000], book: 40 },
  SMB: { name: 'SMB', dealSize: 7_000, stageDays: 6, contacts: 2, employees: [10, 200], book: 50 },
};

export interface StageConfig {
  name: string;
  probability: number;
  forecast: string;
  closed: boolean;
  won: boolean;
}

export const stages: StageConfig[] = [
  { name: 'Prospecting', probability: 10, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Qualification', probability: 20, forecast: 'Pipeline', closed: false, won: false },
  { name: 'Proposal', probability: 50, forecast: 'Best Case', closed: false, won: false },
  { name: 'Negotiation', probability: 75, forecast: 'Commit', closed: false, won: false },
  { name: 'Closed Won', probability: 100, forecast: 'Closed', closed: true, won: true },
  { name: 'Closed Lost', probability: 0, forecast: 'Omitted', closed: true, won: false },
];
export const stageNames = stages.map((s) => s.name);
export const forecastCategories = ['Pipeline', 'Best Case', 'Commit', 'Closed', 'Omitted'];
export const wonStage = 4;
export const lostStage = 5;

/** Chance that an opportunity entering each open stage eventually moves past it, by type. */
export const passRates: Record<OpportunityType, number[]> = {
  'New Business': [0.74, 0.64, 0.66, 0.62],
  Expansion: [0.9, 0.8, 0.78, 0.72],
  Renewal: [0.98, 0.97, 0.95, 0.93],
};
/** Chance of a regression (one stage back) while in Proposal or Negotiation. */
export const regressionRate = 0.12;
/** Chance that one stay in a stage stalls (three to five times as long). */
export const stagnationRate = 0.08;

export const opportunityTypes = ['New Business', 'Expansion', 'Renewal'] as const;
export type OpportunityType = (typeof opportunityTypes)[number];

export const lossReasons = ['Price', 'Competitor', 'No Decision', 'Timing', 'Product Fit', 'Budget', 'Went Dark'];

export const industries = ['Software', 'Financial Services', 'Manufacturing', 'Retail', 'Healthcare', 'Media', 'Education', 'Logistics', 'Energy', 'Public Sector'];

export interface LeadSourceConfig {
  name: string;
  /** Share of new leads. */
  weight: number;
  /** Mean lead score. */
  score: number;
  /** The campaign type the leads come through, if any. */
  campaign: string | null;
}

export const leadSources: LeadSourceConfig[] = [
  { name: 'Web', weight: 0.22, score: 55, campaign: null },
  { name: 'Paid Search', weight: 0.16, score: 45, campaign: 'Paid Search' },
  { name: 'Webinar', weight: 0.12, score: 52, campaign: 'Webinar' },
  { name: 'Trade Show', weight: 0.08, score: 50, campaign: 'Trade Show' },
  { name: 'Content Syndication', weight: 0.12, score: 35, campaign: 'Content Syndication' },
  { name: 'Email', weight: 0.08, score: 40, campaign: 'Email' },
  { name: 'Partner Referral', weight: 0.07, score: 65, campaign: 'Partner' },
  { name: 'Customer Referral', weight: 0.05, score: 72, campaign: null },
  { name: 'Outbound', weight: 0.1, score: 38, campaign: null },
  /** Expansions and renewals only; no lead has it. */
  { name: 'Existing Customer', weight: 0, score: 0, campaign: null },
];
export const leadSourceNames = leadSources.map((s) => s.name);

/** Campaign types, each run per region every `everyMonths` months. */
export const campaignTypes = [
  { type: 'Webinar', everyMonths: 1, budget: 6_000 },
  { type: 'Paid Search', everyMonths: 1, budget: 15_000 },
  { type: 'Email', everyMonths: 1, budget: 2_000 },
  { type: 'Trade Show', everyMonths: 3, budget: 40_000 },
  { type: 'Content Syndication', everyMonths: 3, budget: 12_000 },
  { type: 'Partner', everyMonths: 6, budget: 8_000 },
];

export const products = [
  { name: 'Platform Core', family: 'Platform', code: 'PLT-CORE', price: 12_000 },
  { name: 'Platform Plus', family: 'Platform', code: 'PLT-PLUS', price: 30_000 },
  { name: 'Analytics Add-on', family: 'Add-on', code: 'ADD-ANL', price: 4_800 },
  { name: 'Automation Add-on', family: 'Add-on', code: 'ADD-AUT', price: 3_600 },
  { name: 'Security Add-on', family: 'Add-on', code: 'ADD-SEC', price: 6_000 },
  { name: 'Seats (10-pack)', family: 'Seats', code: 'SEAT-10', price: 1_800 },
  { name: 'Implementation', family: 'Services', code: 'SVC-IMP', price: 9_000 },
  { name: 'Training', family: 'Services', code: 'SVC-TRN', price: 2_500 },
  { name: 'Premium Support', family: 'Support', code: 'SUP-PRM', price: 5_000 },
  { name: 'Legacy Connector', family: 'Add-on', code: 'ADD-LEG', price: 1_200 },
];

/** Per-rep weekly rates at the start of the span (before growth and seasonality). */
export const rates = {
  sdrTasks: 80,
  aeTasks: 22,
  /** Chance that an SDR touch books a meeting, for a lead of score 50. */
  sdrMeeting: 0.062,
  aeMeeting: 0.045,
  /** Chance that a held meeting turns into an opportunity. */
  meetingToOpportunity: 0.55,
  leadsPerSdr: 24,
  /** Weekly chance, per customer account, of an expansion opportunity, of a support case. */
  expansion: 0.015,
  cases: 0.045,
  /** Growth of lead volume and productivity per year. */
  growth: 0.3,
  initialCustomerShare: 0.22,
  deletedShare: 0.012,
  hardDeletedShare: 0.004,
};

export const contactTitles = ['CEO', 'CFO', 'CTO', 'VP Sales', 'VP Operations', 'Head of IT', 'Director of Finance', 'Operations Manager', 'Engineer', 'Analyst'];
export const contactRoles = ['Decision Maker', 'Economic Buyer', 'Technical Evaluator', 'Champion', 'Influencer'];
export const leadStatuses = ['Open - Not Contacted', 'Working - Contacted', 'Qualified', 'Unqualified'];
export const caseValues = {
  priority: ['Low', 'Medium', 'High', 'Critical'],
  origin: ['Email', 'Phone', 'Web', 'Chat'],
  type: ['Question', 'Problem', 'Feature Request'],
  reason: ['Installation', 'Performance', 'Billing', 'Integration', 'User Error', 'Bug'],
  status: ['New', 'Working', 'Escalated', 'Closed'],
};
