/** How names are compared: case and underscores ignored, so StageName = stage_name = stagename. */
export function normaliseName(name: string): string {
  return name.toLowerCase().replace(/_/g, '');
}

/** A custom field or object of Salesforce: its API name ends in __c (Region__c, region__c). */
export function isCustomField(name: string): boolean {
  return /__c$/i.test(name);
}

/** A custom object's table: Fivetran keeps __c, some loaders leave a single _c. */
export function isCustomObject(name: string): boolean {
  return /_c$/i.test(name);
}

/** A snake_case id for a physical name: Region__c → region__c, LeadSource → lead_source, Deal Type → deal_type. */
export function snakeId(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .toLowerCase()
    .replace(/^_+|(?<!_)_$/g, '');
  return /^[a-z]/.test(snake) ? snake : `x_${snake}`;
}
