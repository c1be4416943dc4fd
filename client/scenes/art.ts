// The game's own art (assets/art, SVG drawn for Leverage), bundled by Vite: nothing is fetched
// from anywhere else at run time.
import bot from '../../assets/art/bot.svg?url';
import coach from '../../assets/art/coach.svg?url';
import defect from '../../assets/art/defect.svg?url';
import handshake from '../../assets/art/handshake.svg?url';
import honour from '../../assets/art/honour.svg?url';
import human from '../../assets/art/human.svg?url';
import logo from '../../assets/art/logo.svg?url';
import megaphone from '../../assets/art/megaphone.svg?url';
import ready from '../../assets/art/ready.svg?url';
import veto from '../../assets/art/veto.svg?url';

export const ART = { bot, coach, defect, handshake, honour, human, logo, megaphone, ready, veto } as const;
export type ArtKey = keyof typeof ART;
