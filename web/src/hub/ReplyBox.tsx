import { useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CannedResponsePicker } from './CannedResponsePicker';
import { createThrottle } from './throttle';

/** The customer sees "typing" for a few seconds per signal; one signal per 2.5 s keeps it lit. */
const TYPING_INTERVAL_MS = 2_500;

export interface ReplyBoxProps {
  agentName: string;
  onSend: (text: string) => Promise<boolean>;
  onTyping: () => void;
}

/** Enter sends, Shift+Enter adds a line; typing tells the customer (throttled). */
export function ReplyBox({ agentName, onSend, onTyping }: ReplyBoxProps) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const input = useRef<HTMLTextAreaElement>(null);
  const typingGate = useMemo(() => createThrottle(TYPING_INTERVAL_MS), []);
  const id = useId();

  const send = async (event?: FormEvent) => {
    event?.preventDefault();
    const message = text.trim();
    if (!message || sending) return;
    setSending(true);
    const sent = await onSend(message);
    setSending(false);
    if (sent) {
      setText('');
      typingGate.reset();
    }
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  const insert = (canned: string) => {
    setText((current) => (current.trim() ? `${current.trimEnd()} ${canned}` : canned));
    input.current?.focus();
  };

  return (
    <form className="hub-reply" onSubmit={send} data-testid="reply-form">
      <label htmlFor={`${id}-text`} className="hub-reply__label">
        Reply to the customer
      </label>
      <textarea
        id={`${id}-text`}
        ref={input}
        rows={3}
        value={text}
        placeholder="Type a reply… (Enter sends, Shift+Enter for a new line)"
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value && typingGate.tryPass()) onTyping();
        }}
        onKeyDown={onKeyDown}
        data-testid="reply-input"
      />
      <div className="hub-reply__actions">
        <CannedResponsePicker agentName={agentName} onPick={insert} />
        <button type="submit" className="hub-button hub-button--primary" disabled={sending || !text.trim()}>
          {sending ? 'Sending…' : 'Send'}
        </button>
      </div>
    </form>
  );
}
