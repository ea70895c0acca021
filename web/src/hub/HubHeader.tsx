import type { ConnectionStatus } from './hubConnection';
import type { Agent } from './types';

const STATUS_TEXT: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
  disconnected: 'Offline',
};

export interface HubHeaderProps {
  me: Agent;
  status: ConnectionStatus;
  onSignOut: () => void;
  onReconnect: () => void;
}

export function HubHeader({ me, status, onSignOut, onReconnect }: HubHeaderProps) {
  return (
    <header className="hub-header">
      <div className="hub-brand">
        <span className="hub-brand__mark" aria-hidden="true">N</span>
        <span>
          Agent hub <span className="hub-brand__sub">Northwind Cloud</span>
        </span>
      </div>
      <div className="hub-header__right">
        <span className={`hub-status hub-status--${status}`} role="status" data-testid="connection-status">
          <span className="hub-status__dot" aria-hidden="true" />
          {STATUS_TEXT[status]}
        </span>
        {status === 'disconnected' ? (
          <button type="button" className="hub-button" onClick={onReconnect}>
            Reconnect
          </button>
        ) : null}
        <span className="hub-header__me">
          {me.displayName}
          {me.role === 'admin' ? <span className="hub-chip">admin</span> : null}
        </span>
        <button type="button" className="hub-button hub-button--quiet" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
