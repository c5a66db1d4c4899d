/** A duration as people read it: "850 ms", "4.2 s", "1:05" (minutes), "2:03:10" (hours). */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return formatClock(ms);
}

/** m:ss or h:mm:ss, for elapsed times and estimates that tick. */
export function formatClock(ms: number): string {
  const total = Math.round(ms / 1_000);
  const [h, m, s] = [Math.floor(total / 3_600), Math.floor((total % 3_600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
