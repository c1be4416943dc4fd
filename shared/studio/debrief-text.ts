// The debrief of a scenario is one text; by the shipped scenarios' convention it ends with
// "Questions for the class:" and a numbered list. The studio edits the text and the questions
// apart and joins them back, so the file format stays the one the server validates. Pure.

export const QUESTIONS_HEADING = 'Questions for the class:';

/** The debrief's text before the questions, and the questions (without their numbers). */
export function splitDebrief(debrief: string): { text: string; questions: string[] } {
  const at = debrief.lastIndexOf(QUESTIONS_HEADING);
  if (at < 0) return { text: debrief, questions: [] };
  const questions = debrief
    .slice(at + QUESTIONS_HEADING.length)
    .split('\n')
    .map((line) => line.replace(/^\s*\d+[.)]\s*/, '').trim())
    .filter((line) => line.length > 0);
  return { text: debrief.slice(0, at).replace(/\s+$/, ''), questions };
}

/** The text and questions as one debrief (the questions numbered; blank ones left out). */
export function joinDebrief(text: string, questions: readonly string[]): string {
  const asked = questions.map((q) => q.replace(/\s+/g, ' ').trim()).filter((q) => q.length > 0);
  if (asked.length === 0) return text;
  const list = asked.map((q, i) => `${i + 1}. ${q}`).join('\n');
  return `${text.replace(/\s+$/, '')}${text.trim() ? '\n\n' : ''}${QUESTIONS_HEADING}\n${list}`;
}
