import { describe, expect, it } from 'vitest';
import { CANNED_RESPONSES, fillCannedResponse } from './cannedResponses';

describe('canned responses', () => {
  it('have the greeting, the account email question and the closing, with unique ids', () => {
    expect(CANNED_RESPONSES.map((r) => r.id)).toEqual(['greeting', 'account-email', 'closing']);
  });

  it('fill in the agent name', () => {
    const greeting = CANNED_RESPONSES[0]!;
    expect(fillCannedResponse(greeting, 'Dana Agent')).toContain('this is Dana Agent from');
    expect(fillCannedResponse(greeting, '  ')).toContain('this is a support agent from');
  });
});
