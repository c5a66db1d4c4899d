/** A span of time written as "24h", "3 days", "4w" …, kept with its text for messages. */
export interface Duration {
  text: string;
  seconds: number;
}

const unitSeconds: Record<string, number> = {
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
};

export const durationUnits = Object.keys(unitSeconds);

/** Parses a duration, or returns null when the text is not one. */
export function parseDuration(text: string): Duration | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(text);
  if (!match) return null;
  const unit = unitSeconds[match[2]!.toLowerCase()];
  if (unit === undefined) return null;
  return { text: text.trim(), seconds: Number(match[1]) * unit };
}
