import { CANNED_RESPONSES, fillCannedResponse } from './cannedResponses';

export interface CannedResponsePickerProps {
  agentName: string;
  onPick: (text: string) => void;
}

/** Buttons that put a prepared reply into the reply box. */
export function CannedResponsePicker({ agentName, onPick }: CannedResponsePickerProps) {
  return (
    <div className="hub-canned" role="group" aria-label="Canned responses">
      {CANNED_RESPONSES.map((response) => (
        <button
          key={response.id}
          type="button"
          className="hub-button hub-button--small"
          onClick={() => onPick(fillCannedResponse(response, agentName))}
          title={fillCannedResponse(response, agentName)}
        >
          {response.label}
        </button>
      ))}
    </div>
  );
}
