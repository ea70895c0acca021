/** Replies an agent sends often; inserted into the reply box for editing, never sent directly. */
export interface CannedResponse {
  id: string;
  label: string;
  text: string;
}

export const CANNED_RESPONSES: readonly CannedResponse[] = [
  {
    id: 'greeting',
    label: 'Greeting',
    text: 'Hi, this is {agent} from the Northwind support team. I have read your conversation with our assistant and I am taking it from here.',
  },
  {
    id: 'account-email',
    label: 'Ask for the account email',
    text: 'Could you tell me the email address of your Northwind account, so I can look it up?',
  },
  {
    id: 'closing',
    label: 'Closing',
    text: 'Is there anything else I can help you with? If not, I will close this conversation. Thank you for contacting Northwind support.',
  },
];

/** The canned text with `{agent}` replaced by the agent's display name. */
export function fillCannedResponse(response: CannedResponse, agentName: string): string {
  return response.text.replaceAll('{agent}', agentName.trim() || 'a support agent');
}
