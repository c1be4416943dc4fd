// Which DOM layer the current screen shows.
import type { AppState } from '../game/store';
import { debriefView } from './debrief';
import type { VNode } from './dom';
import { lobbyView, stopLobby } from './lobby';
import { tableView } from './table';

export function appView(state: AppState, narrow: boolean): VNode | VNode[] | null {
  if (state.screen !== 'lobby') stopLobby();
  switch (state.screen) {
    case 'boot':
      return null;
    case 'lobby':
      return lobbyView(state);
    case 'table':
      return tableView(state, narrow);
    case 'debrief':
      return debriefView(state, narrow);
  }
}
