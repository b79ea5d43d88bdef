/** Lower-case a name for use mid-sentence, keeping acronyms ("CNS depression" stays, "Sedation" → "sedation"). */
export function inSentence(name: string): string {
  return name.replace(/\b([A-Z])([a-z])/g, (_, a: string, b: string) => a.toLowerCase() + b);
}
