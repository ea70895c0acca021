import { useState } from 'react';
import { ResolveForm } from './ResolveForm';
import { TransferForm } from './TransferForm';

export interface HandoffActionsProps {
  onResolve: (note: string | null) => Promise<void>;
  onRelease: () => Promise<void>;
  onTransfer: (agent: string | null, group: string | null) => Promise<void>;
}

type Panel = 'none' | 'resolve' | 'transfer';

/** Resolve, give back to the bot, or transfer: the ways a conversation leaves the agent. */
export function HandoffActions({ onResolve, onRelease, onTransfer }: HandoffActionsProps) {
  const [panel, setPanel] = useState<Panel>('none');
  const [busy, setBusy] = useState(false);

  const release = () => {
    setBusy(true);
    onRelease()
      .catch(() => undefined)
      .finally(() => setBusy(false));
  };

  return (
    <div className="hub-handoff-actions" role="group" aria-label="Finish the conversation">
      <h3>Finish</h3>
      {panel === 'resolve' ? <ResolveForm onResolve={onResolve} onCancel={() => setPanel('none')} /> : null}
      {panel === 'transfer' ? <TransferForm onTransfer={onTransfer} onCancel={() => setPanel('none')} /> : null}
      {panel === 'none' ? (
        <div className="hub-handoff-actions__buttons">
          <button type="button" className="hub-button hub-button--primary" onClick={() => setPanel('resolve')} disabled={busy}>
            Resolve
          </button>
          <button type="button" className="hub-button" onClick={release} disabled={busy}>
            Give back to the bot
          </button>
          <button type="button" className="hub-button" onClick={() => setPanel('transfer')} disabled={busy}>
            Transfer
          </button>
        </div>
      ) : null}
    </div>
  );
}
