import { useId, useState, type FormEvent } from 'react';
import { routeLabel } from './labels';
import { ROUTES } from './types';

export interface TransferFormProps {
  onTransfer: (agent: string | null, group: string | null) => Promise<void>;
  onCancel: () => void;
}

type Target = 'group' | 'agent';

/** Back to the queue, for a group or for one named colleague. */
export function TransferForm({ onTransfer, onCancel }: TransferFormProps) {
  const [target, setTarget] = useState<Target>('group');
  const [group, setGroup] = useState<string>(ROUTES[0]);
  const [agent, setAgent] = useState('');
  const [busy, setBusy] = useState(false);
  const id = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await (target === 'agent' ? onTransfer(agent.trim().toLowerCase(), null) : onTransfer(null, group));
    } catch {
      setBusy(false);
    }
  };

  return (
    <form className="hub-inline-form" onSubmit={submit} data-testid="transfer-form">
      <fieldset>
        <legend>Transfer to</legend>
        <label className="hub-radio">
          <input type="radio" name={`${id}-target`} checked={target === 'group'} onChange={() => setTarget('group')} />
          A team
        </label>
        <label className="hub-radio">
          <input type="radio" name={`${id}-target`} checked={target === 'agent'} onChange={() => setTarget('agent')} />
          A colleague
        </label>
      </fieldset>
      {target === 'group' ? (
        <>
          <label htmlFor={`${id}-group`}>Team</label>
          <select id={`${id}-group`} value={group} onChange={(e) => setGroup(e.target.value)}>
            {ROUTES.map((r) => (
              <option key={r} value={r}>
                {routeLabel(r)}
              </option>
            ))}
          </select>
        </>
      ) : (
        <>
          <label htmlFor={`${id}-agent`}>Colleague's user name</label>
          <input id={`${id}-agent`} value={agent} required autoComplete="off" onChange={(e) => setAgent(e.target.value)} />
        </>
      )}
      <div className="hub-form-actions">
        <button type="submit" className="hub-button hub-button--primary" disabled={busy || (target === 'agent' && !agent.trim())}>
          {busy ? 'Transferring…' : 'Transfer'}
        </button>
        <button type="button" className="hub-button hub-button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
