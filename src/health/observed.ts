// What /healthz and /metrics read of a running bot: its health record, its database, its clock
// and the channel's last limits. The bot's context satisfies it; health/ never imports bot/.
import type { Store } from '../store/store';
import type { Channel } from '../channel/types';
import type { Health } from './state';

export interface Observed {
  health: Health;
  store: Store;
  now: () => Date;
  channel: Pick<Channel, 'limits'>;
}
