import { describe, expect, it } from 'vitest';
import { hubErrorMessage } from './hubConnection';

describe('hubErrorMessage', () => {
  it('says plainly that someone else took the handoff', () => {
    const error = new Error("An unexpected error occurred invoking 'Take' on the server. HubException: taken");
    expect(hubErrorMessage(error)).toBe('Someone else took this conversation first.');
  });

  it('passes other HubException messages through', () => {
    expect(hubErrorMessage(new Error("An unexpected error occurred invoking 'Reply' on the server. HubException: Only the assignee can reply."))).toBe(
      'Only the assignee can reply.',
    );
  });

  it('explains a call made while disconnected, and has a fallback', () => {
    expect(hubErrorMessage(new Error("Cannot send data if the connection is not in the 'Connected' State."))).toMatch(/Not connected/);
    expect(hubErrorMessage('boom')).toBe('That did not work. Try again.');
  });
});
