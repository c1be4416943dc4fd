// How a host's table is seated (the lobby's "Host a table" and the studio's): people in the first
// seats, the host's own role included, and the five personas in turn in the others.
import type { CreateOptions } from '../../shared/protocol';

const PERSONAS = ['incumbent', 'builder', 'opportunist', 'hardliner', 'reciprocator'] as const;

export function hostOptions(
  scenario: string,
  roles: readonly { id: string }[],
  role: string,
  humans: number,
  name: string,
  durations: CreateOptions['durations'],
): CreateOptions {
  const people = Math.max(1, Math.min(roles.length, humans));
  const mine = Math.max(
    0,
    roles.findIndex((r) => r.id === role),
  );
  const humanSeats = new Set<number>([mine]);
  for (let i = 0; humanSeats.size < people && i < roles.length; i++) humanSeats.add(i);
  let j = 0;
  return {
    scenario,
    name,
    role: roles[mine].id,
    durations,
    seats: roles.map((_, i) =>
      humanSeats.has(i)
        ? { kind: 'human' as const }
        : {
            kind: 'bot' as const,
            bot: { kind: 'persona' as const, persona: PERSONAS[j++ % PERSONAS.length], difficulty: 'normal' },
          },
    ),
  };
}
