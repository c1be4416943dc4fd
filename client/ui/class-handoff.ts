// The studio hands a saved scenario to a new class session: the console's form opens with it as
// its uploaded scenario (the server checks it again, and each table keeps its own copy).
const KEY = 'leverage.class.scenario';

export interface HandedScenario {
  name: string;
  data: Record<string, unknown>;
}

export function handScenarioToClass(scenario: HandedScenario): void {
  sessionStorage.setItem(KEY, JSON.stringify(scenario));
}

/** The scenario the studio handed over, once (taking it clears it). */
export function takeScenarioForClass(): HandedScenario | null {
  const raw = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<HandedScenario>;
    if (typeof parsed.name !== 'string' || typeof parsed.data !== 'object' || parsed.data === null) return null;
    return { name: parsed.name, data: parsed.data };
  } catch {
    return null;
  }
}
