import { ownersSchema, type Owners } from '../../model/index.js';

/**
 * A small sales org for the access tests, shaped like the catalogue's owners.yaml: a CRO, a VP of
 * sales over two teams, a manager of EMEA with two reps (Ana: Salesforce user u1, Cai: u3), a rep
 * of NA (Ben: u2) and an admin. Rep names match the fixture warehouse's users, so that a rep's
 * own slice is `rep=<name>` or `owner_id=<user id>`.
 */
export const salesOwners: Owners = ownersSchema.parse({
  people: [
    { id: 'cro', name: 'Chief Revenue Officer', role: 'executive', team: 'revenue', email: 'cro@example.com' },
    { id: 'vp', name: 'VP Sales', role: 'manager', team: 'sales' },
    { id: 'emea_mgr', name: 'EMEA Manager', role: 'manager', team: 'emea' },
    { id: 'na_mgr', name: 'NA Manager', role: 'manager', team: 'na' },
    { id: 'ana', name: 'Ana', role: 'rep', team: 'emea', salesforce_user_id: 'u1', email: 'ana@example.com' },
    { id: 'cai', name: 'Cai', role: 'rep', team: 'emea', salesforce_user_id: 'u3' },
    { id: 'ben', name: 'Ben', role: 'rep', team: 'na', salesforce_user_id: 'u2' },
    { id: 'ops', name: 'RevOps', role: 'admin' },
  ],
  teams: [
    { id: 'revenue', manager: 'cro' },
    { id: 'sales', manager: 'vp', parent: 'revenue' },
    { id: 'emea', manager: 'emea_mgr', parent: 'sales' },
    { id: 'na', manager: 'na_mgr', parent: 'sales' },
  ],
  ownership: [
    { metric: 'closed_won_revenue', responsible: 'cro' },
    { metric: 'pipeline_created', responsible: 'ana', accountable: 'emea_mgr' },
    { metric: 'opportunities_created', responsible: 'cai', accountable: 'emea_mgr' },
    { metric: 'win_rate', responsible: 'ben', accountable: 'na_mgr' },
    { metric: 'average_deal_size', responsible: 'vp', informed: ['emea_mgr'] },
  ],
});
