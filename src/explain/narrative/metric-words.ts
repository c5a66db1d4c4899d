/** A metric's name inside a sentence: "Win rate" → "win rate"; an acronym stays ("NA SDR activity"). */
export function inSentence(name: string): string {
  const first = name.split(' ')[0]!;
  return first.length > 1 && first === first.toUpperCase() ? name : name.charAt(0).toLowerCase() + name.slice(1);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
