import { Random } from './random.js';
import { regions, segmentNames, type RegionName, type SegmentName } from './org-config.js';

/** The revenue team: a CRO; per region a VP, AE teams per segment with managers, SDRs, support. */

export type Team = 'CRO' | 'VP' | 'Manager' | 'AE' | 'SDR Manager' | 'SDR' | 'Support' | 'RevOps';

export interface Role {
  /** Also the id number: 00E…n. */
  id: number;
  name: string;
  developerName: string;
  parent: number | null;
}

export interface Person {
  /** Position in `users`; the id number is index + 1. */
  index: number;
  id: number;
  name: string;
  email: string;
  team: Team;
  title: string;
  department: string;
  region: RegionName | null;
  segment: SegmentName | null;
  role: number;
  manager: number | null;
  /** How much this rep gets done, relative to the team (median 1). */
  productivity: number;
}

export interface People {
  roles: Role[];
  users: Person[];
  aes: Person[];
  sdrs: Person[];
  support: Person[];
  /** AEs by region and segment ("EMEA|Enterprise"), and by region ("EMEA"). */
  teams: Map<string, Person[]>;
}

const firstNames = [
  'Dana', 'Lars', 'Ines', 'Sam', 'Maya', 'Jon', 'Aiko', 'Ravi', 'Lena', 'Tom', 'Priya', 'Omar', 'Chloe', 'Diego', 'Hana', 'Felix',
  'Grace', 'Ivan', 'Julia', 'Kofi', 'Lucia', 'Marco', 'Nina', 'Oscar', 'Paula', 'Quinn', 'Rosa', 'Sven', 'Tara', 'Umar', 'Vera',
  'Wes', 'Ximena', 'Yusuf', 'Zoe', 'Alba', 'Ben', 'Carla', 'Dev', 'Elif',
];
const lastNames = [
  'Kim', 'Berg', 'Duarte', 'Carter', 'Patel', 'Reyes', 'Sato', 'Nair', 'Novak', 'Fischer', 'Okafor', 'Rossi', 'Dubois', 'Silva',
  'Tanaka', 'Murphy', 'Kowalski', 'Jensen', 'Haddad', 'Moreau', 'Costa', 'Singh', 'Larsen', 'Lopez', 'Meyer', 'Walsh', 'Ito',
  'Ahmed', 'Brown', 'Schmidt', 'Varga', 'Chen', 'Nowak', 'Ruiz', 'Evans', 'Park', 'Mendes', 'Quist', 'Yilmaz', 'Zhou',
];

/** A unique name for each index: every first × last pair, then with a middle initial. */
export function personName(index: number): string {
  const n = firstNames.length;
  const pair = index % (n * n);
  const first = firstNames[pair % n]!;
  const last = lastNames[(Math.floor(pair / n) + pair) % n]!;
  const round = Math.floor(index / (n * n));
  return round === 0 ? `${first} ${last}` : `${first} ${String.fromCharCode(64 + round)}. ${last}`;
}

const count = (base: number, scale: number) => Math.max(1, Math.round(base * scale));

export function buildPeople(scale: number, seed: number): People {
  const roles: Role[] = [];
  const users: Person[] = [];
  const role = (name: string, parent: number | null) => {
    roles.push({ id: roles.length + 1, name, developerName: name.replace(/[^A-Za-z0-9]+/g, '_'), parent });
    return roles.length;
  };
  const person = (team: Team, title: string, department: string, roleId: number, manager: number | null, region: RegionName | null = null, segment: SegmentName | null = null) => {
    const index = users.length;
    const name = personName(index);
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@kpitree-demo.com`;
    const productivity = team === 'AE' || team === 'SDR' ? Random.derive(seed, 11, index).lognormal(0.22) : 1;
    users.push({ index, id: index + 1, name, email, team, title, department, region, segment, role: roleId, manager, productivity });
    return users[index]!;
  };
  /** Managers of a team of `size`, one per eight; returns whom member k reports to. */
  const managed = (size: number, make: () => Person) => {
    const managers = Array.from({ length: Math.ceil(size / 8) }, make);
    return (k: number) => managers[Math.floor(k / 8)]!.index;
  };

  const croRole = role('Chief Revenue Officer', null);
  const cro = person('CRO', 'Chief Revenue Officer', 'Executive', croRole, null);
  const opsRole = role('Revenue Operations', croRole);
  for (let k = 0; k < count(2, Math.sqrt(scale)); k++) person('RevOps', 'Revenue Operations Analyst', 'Revenue Operations', opsRole, cro.index);

  for (const region of regions) {
    const vpRole = role(`VP Sales ${region.name}`, croRole);
    const vp = person('VP', `VP Sales ${region.name}`, 'Sales', vpRole, cro.index, region.name);
    for (const segment of segmentNames) {
      const managerRole = role(`${region.name} ${segment} Sales Manager`, vpRole);
      const aeRole = role(`${region.name} ${segment} AE`, managerRole);
      const size = count(region.aes[segment], scale);
      const managerOf = managed(size, () => person('Manager', `${region.name} ${segment} Sales Manager`, 'Sales', managerRole, vp.index, region.name, segment));
      for (let k = 0; k < size; k++) person('AE', `${segment} Account Executive`, 'Sales', aeRole, managerOf(k), region.name, segment);
    }
    const sdrManagerRole = role(`${region.name} SDR Manager`, vpRole);
    const sdrRole = role(`${region.name} SDR`, sdrManagerRole);
    const sdrs = count(region.sdrs, scale);
    const sdrManagerOf = managed(sdrs, () => person('SDR Manager', `${region.name} SDR Manager`, 'Sales Development', sdrManagerRole, vp.index, region.name));
    for (let k = 0; k < sdrs; k++) person('SDR', 'Sales Development Representative', 'Sales Development', sdrRole, sdrManagerOf(k), region.name);
    const supportRole = role(`${region.name} Support`, vpRole);
    for (let k = 0; k < count(region.support, scale); k++) person('Support', 'Support Engineer', 'Customer Support', supportRole, vp.index, region.name);
  }
  const aes = users.filter((u) => u.team === 'AE');
  const teams = new Map<string, Person[]>();
  const join = (key: string, person: Person) => (teams.get(key) ?? teams.set(key, []).get(key)!).push(person);
  for (const ae of aes) {
    join(`${ae.region}|${ae.segment}`, ae);
    join(ae.region!, ae);
  }
  for (const u of users) if (u.team === 'Support') join(`${u.region}|Support`, u);
  return { roles, users, aes, sdrs: users.filter((u) => u.team === 'SDR'), support: users.filter((u) => u.team === 'Support'), teams };
}
